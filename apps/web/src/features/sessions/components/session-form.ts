import type { Session } from '@sujarit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { bangkokWallTimeToIso, isDateInput, isTimeInput } from '../../../lib/dates';
import { bangkokDateInput, bangkokTimeInput } from './calendar-month';

/** The contract allows no more; the form stops offering rows there. */
export const MAX_SPEAKERS = 20;

const sessionFormFields = z.object({
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  venue: z.string(),
  capacity: z.union([z.number(), z.nan()]),
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string() })),
  notes: z.string(),
  allowWalkIns: z.boolean(),
  requireCheckInCode: z.boolean(),
  /** Only the create form asks; a new session saved as a draft is not yet announced. */
  draft: z.boolean(),
});
export type SessionFormValues = z.input<typeof sessionFormFields>;

/** What the create and the edit requests have in common, read from the form. */
export interface SessionFields {
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  speakers: { name: string; affiliation: string }[];
  notes: string;
  allowWalkIns: boolean;
  requireCheckInCode: boolean;
}

type ContractCheck<TRequest> =
  | { success: true; data: TRequest }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/** Where each field of the request is typed in on the form; speakers are mapped row by row. */
const FORM_FIELD_OF: Record<string, string> = {
  title: 'title',
  venue: 'venue',
  capacity: 'capacity',
  startsAt: 'startTime',
  endsAt: 'endTime',
  notes: 'notes',
  allowWalkIns: 'allowWalkIns',
  requireCheckInCode: 'requireCheckInCode',
  status: 'draft',
};

const isBlankSpeaker = (speaker: { name: string; affiliation: string }) =>
  speaker.name.trim() === '' && speaker.affiliation.trim() === '';

/**
 * The form's own checks (a real date and times) and then the contract's, so the form
 * rejects exactly what the API would, with the contract's Thai messages beside the right field.
 */
export function useSessionFormSchema<TRequest>(
  toRequest: (fields: SessionFields, values: z.output<typeof sessionFormFields>) => ContractCheck<TRequest>,
) {
  const { t } = useTranslation();
  return useMemo(
    () =>
      sessionFormFields.transform((values, ctx): TRequest => {
        const formIssues: { path: string; message: string }[] = [];
        if (!isDateInput(values.date)) formIssues.push({ path: 'date', message: t('sessions.form.dateInvalid') });
        if (!isTimeInput(values.startTime)) formIssues.push({ path: 'startTime', message: t('sessions.form.timeInvalid') });
        if (!isTimeInput(values.endTime)) formIssues.push({ path: 'endTime', message: t('sessions.form.timeInvalid') });
        // A row left empty is a row not used; the others keep their place on the form for error messages.
        const speakerRows = values.speakers.flatMap((speaker, row) => (isBlankSpeaker(speaker) ? [] : [row]));
        const fields: SessionFields = {
          title: values.title,
          startsAt: bangkokWallTimeToIso(values.date, values.startTime) ?? '',
          endsAt: bangkokWallTimeToIso(values.date, values.endTime) ?? '',
          venue: values.venue,
          capacity: values.capacity,
          speakers: speakerRows.map((row) => values.speakers[row]),
          notes: values.notes,
          allowWalkIns: values.allowWalkIns,
          requireCheckInCode: values.requireCheckInCode,
        };
        // The contract checks the order of the times only once every other field is valid; say it at once.
        if (fields.startsAt && fields.endsAt && Date.parse(fields.endsAt) <= Date.parse(fields.startsAt)) {
          formIssues.push({ path: 'endTime', message: t('sessions.form.endBeforeStart') });
        }
        const parsed = toRequest(fields, values);
        const reported = new Set(formIssues.map((issue) => issue.path));
        const contractIssues = parsed.success
          ? []
          : parsed.error.issues.flatMap((issue) => {
              const [field, index, part] = issue.path;
              const path =
                field === 'speakers' && typeof index === 'number' && speakerRows[index] !== undefined
                  ? `speakers.${speakerRows[index]}.${part === 'affiliation' ? 'affiliation' : 'name'}`
                  : (FORM_FIELD_OF[String(field)] ?? 'root');
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
    [t, toRequest],
  );
}

export const emptySpeaker = () => ({ name: '', affiliation: '' });

/** The edit form starts from the session as it is, its times as Bangkok wall time. */
export const formValuesOf = (session: Session): SessionFormValues => ({
  title: session.title,
  date: bangkokDateInput(session.startsAt),
  startTime: bangkokTimeInput(session.startsAt),
  endTime: bangkokTimeInput(session.endsAt),
  venue: session.venue,
  capacity: session.capacity,
  speakers: session.speakers.length > 0 ? session.speakers.map((s) => ({ ...s })) : [emptySpeaker()],
  notes: session.notes,
  allowWalkIns: session.allowWalkIns,
  requireCheckInCode: session.requireCheckInCode,
  draft: session.status === 'draft',
});
