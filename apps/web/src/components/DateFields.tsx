import { useId } from 'react';
import { get, useController, useFormContext, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateFormatHint, DateInput } from './DatePicker';

/*
 * The date fields of react-hook-form forms. Apart from DatePicker.tsx, so a page with a date but no form (the
 * audit log's filters) does not pull react-hook-form out of the chunk the trainee's join form shares.
 */

interface DateFieldProps {
  name: string;
  label: string;
  hint?: string;
}

/** A react-hook-form field holding an ISO date, shown and typed on the Buddhist calendar in Thai. */
export function DateField({ name, label, hint }: DateFieldProps) {
  const id = useId();
  const { formState } = useFormContext();
  const { field } = useController({ name });
  const error = (get(formState.errors, name) as FieldError | undefined)?.message;
  const describedBy = [`${id}-format`, hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <DateInput
        id={id}
        value={(field.value as string | undefined) ?? ''}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        invalid={Boolean(error)}
        describedBy={describedBy}
      />
      <DateFormatHint id={`${id}-format`} />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A date-and-time value (YYYY-MM-DDTHH:MM) split into its two parts; '' when both are empty. */
const dateTimeParts = (value: string) => {
  const at = value.lastIndexOf('T');
  return at < 0 ? { date: value, time: '' } : { date: value.slice(0, at), time: value.slice(at + 1) };
};
const joinDateTime = (date: string, time: string) => (date === '' && time === '' ? '' : `${date}T${time}`);

/**
 * A react-hook-form field holding a date and a time as one YYYY-MM-DDTHH:MM value (Bangkok wall time, as
 * datetime-local had it): the date on the Buddhist calendar in Thai, the time as the browser's own time input.
 */
export function DateTimeField({ name, label, hint }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { formState } = useFormContext();
  const { field } = useController({ name });
  const error = (get(formState.errors, name) as FieldError | undefined)?.message;
  const describedBy = [`${id}-format`, hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const { date, time } = dateTimeParts((field.value as string | undefined) ?? '');
  return (
    <fieldset className={error ? 'field field--invalid date-time' : 'field date-time'}>
      <legend className="field__label">{label}</legend>
      <div className="date-time__parts">
        <DateInput
          id={`${id}-date`}
          ariaLabel={t('datePicker.date')}
          value={date}
          onChange={(next) => field.onChange(joinDateTime(next, time))}
          onBlur={field.onBlur}
          inputRef={field.ref}
          invalid={Boolean(error)}
          describedBy={describedBy}
        />
        <input
          id={`${id}-time`}
          className="input date-time__time"
          type="time"
          step={60}
          aria-label={t('datePicker.time')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={time}
          onChange={(event) => field.onChange(joinDateTime(date, event.target.value))}
          onBlur={field.onBlur}
        />
      </div>
      <DateFormatHint id={`${id}-format`} />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
