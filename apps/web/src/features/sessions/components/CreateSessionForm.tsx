import { CreateSessionRequestSchema, type CreateSessionRequest } from '@sujarit/contracts';
import { useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import {
  bangkokToday,
  bangkokWallTimeToIso,
  formatLongDate,
  formatTime,
  isDateInput,
  isTimeInput,
} from '../../../lib/dates';
import { useCreateSession } from '../api/create-session';

/** Where each field of the request is typed in on the form. */
const FORM_FIELD_OF: Record<string, string> = {
  title: 'title',
  venue: 'venue',
  capacity: 'capacity',
  startsAt: 'startTime',
  endsAt: 'endTime',
};

/**
 * The form's own checks (a real date and times) and then the contract's, so the form
 * rejects exactly what the API would, with the contract's Thai messages beside the right field.
 */
function useSessionFormSchema(programId: string) {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z
        .object({
          title: z.string(),
          date: z.string(),
          startTime: z.string(),
          endTime: z.string(),
          venue: z.string(),
          capacity: z.union([z.number(), z.nan()]),
        })
        .transform((values, ctx): CreateSessionRequest => {
          const formIssues: { path: string; message: string }[] = [];
          if (!isDateInput(values.date)) formIssues.push({ path: 'date', message: t('sessions.form.dateInvalid') });
          if (!isTimeInput(values.startTime)) formIssues.push({ path: 'startTime', message: t('sessions.form.timeInvalid') });
          if (!isTimeInput(values.endTime)) formIssues.push({ path: 'endTime', message: t('sessions.form.timeInvalid') });
          const request = {
            programId,
            title: values.title,
            startsAt: bangkokWallTimeToIso(values.date, values.startTime) ?? '',
            endsAt: bangkokWallTimeToIso(values.date, values.endTime) ?? '',
            venue: values.venue,
            capacity: values.capacity,
          };
          // The contract checks the order of the times only once every other field is valid; say it at once.
          if (request.startsAt && request.endsAt && Date.parse(request.endsAt) <= Date.parse(request.startsAt)) {
            formIssues.push({ path: 'endTime', message: t('sessions.form.endBeforeStart') });
          }
          const parsed = CreateSessionRequestSchema.safeParse(request);
          const reported = new Set(formIssues.map((issue) => issue.path));
          const contractIssues = parsed.success
            ? []
            : parsed.error.issues.flatMap((issue) => {
                const path = FORM_FIELD_OF[String(issue.path[0])] ?? 'root';
                // A time that could not be read is already reported in the form's words.
                if (reported.has(path) || ((path === 'startTime' || path === 'endTime') && reported.has('date'))) return [];
                reported.add(path);
                return [{ path, message: issue.message }];
              });
          for (const issue of [...formIssues, ...contractIssues]) {
            ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path] });
          }
          return parsed.success ? parsed.data : z.NEVER;
        }),
    [programId, t],
  );
}

/** Date pickers show the Christian year in the device's format; say back the chosen day in Thai, พ.ศ., Bangkok time. */
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

function FormLevelError() {
  const { formState } = useFormContext();
  const message = formState.errors.root?.message;
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

export function CreateSessionForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schema = useSessionFormSchema(programId);
  const createMutation = useCreateSession();
  return (
    <section className="card stack" aria-labelledby="create-session-heading">
      <h2 id="create-session-heading">{t('sessions.form.heading')}</h2>
      <Form
        schema={schema}
        aria-label={t('sessions.form.heading')}
        defaultValues={{ title: '', date: bangkokToday(), startTime: '09:00', endTime: '16:00', venue: '' }}
        onSubmit={(request) =>
          createMutation.mutate(request, { onSuccess: (session) => navigate(`/sessions/${session.id}`) })
        }
      >
        <TextField name="title" label={t('sessions.form.title')} placeholder={t('sessions.form.titlePlaceholder')} />
        <div className="form-row">
          <TextField name="date" label={t('sessions.form.date')} type="date" />
          <TextField name="startTime" label={t('sessions.form.startTime')} type="time" step={60} />
          <TextField name="endTime" label={t('sessions.form.endTime')} type="time" step={60} />
        </div>
        <WhenPreview />
        <TextField name="venue" label={t('sessions.form.venue')} />
        <TextField name="capacity" label={t('sessions.form.capacity')} type="number" min={1} max={5000} inputMode="numeric" />
        <FormLevelError />
        <ErrorAlert error={createMutation.error} />
        <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
          {t('sessions.form.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
