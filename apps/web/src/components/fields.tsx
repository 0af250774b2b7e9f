import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { get, useFormContext, type FieldError } from 'react-hook-form';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** Label above, the control, then a hint and the inline error the control is described by. */
function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A text field's limit is on screen before anyone runs into it: its own hint, else "at most N characters". */
function useLimitHint(hint: string | undefined, maxLength: number | undefined): string | undefined {
  const { t } = useTranslation();
  return hint ?? (maxLength === undefined ? undefined : t('validation.limitHint', { max: maxLength }));
}

function useField(name: string, hint: string | undefined) {
  const id = useId();
  const { register, formState } = useFormContext();
  const error = (get(formState.errors, name) as FieldError | undefined)?.message;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return { id, register, error, a11y: { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } };
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> & {
  name: string;
  label: string;
  hint?: string;
};

export function TextField({ name, label, hint: ownHint, type = 'text', ...inputProps }: TextFieldProps) {
  const hint = useLimitHint(ownHint, type === 'number' ? undefined : inputProps.maxLength);
  const { id, register, error, a11y } = useField(name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="input"
        type={type}
        {...inputProps}
        {...a11y}
        {...register(name, { valueAsNumber: type === 'number' })}
      />
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & {
  name: string;
  label: string;
  hint?: string;
};

/** Several lines of text (a description, a note). */
export function TextAreaField({ name, label, hint: ownHint, rows = 4, ...textareaProps }: TextAreaFieldProps) {
  const hint = useLimitHint(ownHint, textareaProps.maxLength);
  const { id, register, error, a11y } = useField(name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea id={id} className="input input--multiline" rows={rows} {...textareaProps} {...a11y} {...register(name)} />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & {
  name: string;
  label: string;
  options: SelectOption[];
  placeholder?: string;
  hint?: string;
};

export function SelectField({ name, label, options, placeholder, hint, ...selectProps }: SelectFieldProps) {
  const { id, register, error, a11y } = useField(name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} className="input" {...selectProps} {...a11y} {...register(name)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'> & {
  name: string;
  label: string;
  hint?: string;
};

/** A yes/no choice: the box before its label, the whole row tappable. */
export function CheckboxField({ name, label, hint, ...inputProps }: CheckboxFieldProps) {
  const { id, register, error, a11y } = useField(name, hint);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" {...inputProps} {...a11y} {...register(name)} />
        <span>{label}</span>
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

interface SubmitButtonProps {
  children: ReactNode;
  pending?: boolean;
  pendingLabel?: string;
}

export function SubmitButton({ children, pending = false, pendingLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A field's hint and its error, with the ids its input points to through aria-describedby. */
function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}
