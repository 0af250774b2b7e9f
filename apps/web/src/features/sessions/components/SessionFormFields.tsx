import { SESSION_FIELD_LIMITS } from '@sujarit/contracts';
import { useId } from 'react';
import { get, useFieldArray, useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateFields';
import { CheckboxField, TextField } from '../../../components/fields';
import { bangkokWallTimeToIso, formatLongDate, formatTime } from '../../../lib/dates';
import { emptySpeaker, MAX_SPEAKERS } from './session-form';

/** What a session is, as both the create and the edit form ask it. */
export function SessionFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="title"
        label={t('sessions.form.title')}
        placeholder={t('sessions.form.titlePlaceholder')}
        maxLength={SESSION_FIELD_LIMITS.title}
      />
      <div className="form-row">
        <DateField name="date" label={t('sessions.form.date')} />
        <TextField name="startTime" label={t('sessions.form.startTime')} type="time" step={60} />
        <TextField name="endTime" label={t('sessions.form.endTime')} type="time" step={60} />
      </div>
      <WhenPreview />
      <TextField name="venue" label={t('sessions.form.venue')} maxLength={SESSION_FIELD_LIMITS.venue} />
      <TextField name="capacity" label={t('sessions.form.capacity')} type="number" min={1} max={5000} inputMode="numeric" />
      <SpeakerFields />
      <NotesField />
      <CheckboxField name="allowWalkIns" label={t('sessionAdmin.form.allowWalkIns')} hint={t('sessionAdmin.form.allowWalkInsHint')} />
      <CheckboxField
        name="requireCheckInCode"
        label={t('sessionAdmin.form.requireCheckInCode')}
        hint={t('sessionAdmin.form.requireCheckInCodeHint')}
      />
    </>
  );
}

/** Say back the chosen day in full (its weekday too), พ.ศ., Bangkok time, so a wrong day is seen before saving. */
function WhenPreview() {
  const { t } = useTranslation();
  const [date, startTime, endTime] = useWatch({ name: ['date', 'startTime', 'endTime'] }) as [string, string, string];
  const startsAt = bangkokWallTimeToIso(date ?? '', startTime ?? '');
  const endsAt = bangkokWallTimeToIso(date ?? '', endTime ?? '');
  return (
    <p className="field__hint" aria-live="polite" data-testid="when-preview">
      {startsAt && endsAt
        ? t('sessions.form.whenPreview', { date: formatLongDate(startsAt), start: formatTime(startsAt), end: formatTime(endsAt) })
        : t('sessions.form.timeZoneHint')}
    </p>
  );
}

/** One row per speaker; a row left empty is not saved. */
function SpeakerFields() {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ name: 'speakers' });
  return (
    <fieldset className="speaker-fields">
      <legend className="field__label">{t('sessionAdmin.form.speakers')}</legend>
      {fields.map((field, index) => {
        const legend = t('sessionAdmin.form.speakerN', { n: index + 1 });
        return (
          <fieldset key={field.id} className="speaker-row">
            <legend className="visually-hidden">{legend}</legend>
            <TextField
              name={`speakers.${index}.name`}
              label={t('sessionAdmin.form.speakerName')}
              autoComplete="off"
              maxLength={SESSION_FIELD_LIMITS.speakerName}
            />
            <TextField
              name={`speakers.${index}.affiliation`}
              label={t('sessionAdmin.form.speakerAffiliation')}
              autoComplete="off"
              maxLength={SESSION_FIELD_LIMITS.speakerAffiliation}
            />
            <button
              type="button"
              className="button button--small speaker-row__remove"
              aria-label={t('sessionAdmin.form.removeSpeakerN', { n: index + 1 })}
              onClick={() => remove(index)}
            >
              {t('sessionAdmin.form.removeSpeaker')}
            </button>
          </fieldset>
        );
      })}
      {fields.length < MAX_SPEAKERS && (
        <button type="button" className="button button--small" onClick={() => append(emptySpeaker())}>
          {t('sessionAdmin.form.addSpeaker')}
        </button>
      )}
    </fieldset>
  );
}

function NotesField() {
  const { t } = useTranslation();
  const id = useId();
  const { register, formState } = useFormContext();
  const error = (get(formState.errors, 'notes') as FieldError | undefined)?.message;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('sessionAdmin.form.notes')}
      </label>
      <textarea
        id={id}
        className="input input--multiline"
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register('notes')}
      />
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormLevelError() {
  const { formState } = useFormContext();
  const message = formState.errors.root?.message;
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}
