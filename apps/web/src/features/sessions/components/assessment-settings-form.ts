import {
  AssessmentSettingsSchema,
  CreateSurveyRequestSchema,
  RESULTS_VISIBILITY,
  REVIEW_VISIBILITY,
  type AssessmentDetail,
  type AssessmentSelection,
  type AssessmentSettings,
  type CreateSurveyRequest,
} from '@sujarit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { bangkokWallTimeToIso } from '../../../lib/dates';
import { pathParts, selectionFieldOf, drawIssues, toSelection, type BankTopic, type SelectionFormValues } from './assessment-selection';
import { bangkokDateInput, bangkokTimeInput } from './calendar-month';

const selectionFields = {
  selectionMode: z.enum(['fixed', 'random_per_topic', 'same_as_pre']),
  questionIds: z.array(z.string()),
  topicCounts: z.array(z.object({ topic: z.string(), count: z.union([z.number(), z.nan()]) })),
};

/*
 * The forms' own shapes, checked without transforms: the values stay as typed (Bangkok wall times,
 * empty number boxes) and become a request only on submit, so a failed save keeps everything on screen.
 */
const settingsFormFields = z.object({
  title: z.string(),
  /** Date-and-time values (YYYY-MM-DDTHH:MM), Bangkok wall time, as DateTimeField keeps them; empty = not set. */
  opensAt: z.string(),
  closesAt: z.string(),
  timeLimitMinutes: z.union([z.number(), z.nan()]).optional(),
  attemptsAllowed: z.union([z.number(), z.nan()]),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY),
  reviewVisibility: z.enum(REVIEW_VISIBILITY),
  ...selectionFields,
});
export type SettingsFormValues = z.input<typeof settingsFormFields>;

const surveyFormFields = z.object({ title: z.string(), ...selectionFields });
export type SurveyFormValues = z.input<typeof surveyFormFields>;

/** What the form needs besides its values to build the request. */
export interface SelectionContext {
  topics: BankTopic[];
  /** Once someone has started, the saved selection goes back unchanged (the API refuses any other). */
  lockedSelection: AssessmentSelection | null;
}

/** A saved instant as a date-and-time value (YYYY-MM-DDTHH:MM) in Bangkok wall time. */
export const dateTimeInputOf = (iso: string | null) => (iso ? `${bangkokDateInput(iso)}T${bangkokTimeInput(iso)}` : '');

/** A date-and-time value read as Bangkok wall time: null when empty, undefined when it is not a date and time. */
export function dateTimeInputToIso(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  const [date = '', time = ''] = value.split('T');
  return bangkokWallTimeToIso(date, time) ?? undefined;
}

const numberOrNull = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

/** The request the settings form stands for; a date that cannot be read goes as '' for the contract to refuse. */
export function toSettings(values: SettingsFormValues, context: SelectionContext): AssessmentSettings {
  return {
    title: values.title,
    opensAt: dateTimeInputToIso(values.opensAt) ?? (values.opensAt.trim() === '' ? null : ''),
    closesAt: dateTimeInputToIso(values.closesAt) ?? (values.closesAt.trim() === '' ? null : ''),
    timeLimitMinutes: numberOrNull(values.timeLimitMinutes),
    attemptsAllowed: values.attemptsAllowed,
    shuffleQuestions: values.shuffleQuestions,
    shuffleOptions: values.shuffleOptions,
    resultsVisibility: values.resultsVisibility,
    reviewVisibility: values.reviewVisibility,
    selection: context.lockedSelection ?? toSelection(values, context.topics),
  };
}

export const toSurveyRequest = (values: SurveyFormValues, topics: BankTopic[]): CreateSurveyRequest => ({
  title: values.title,
  selection: toSelection(values, topics),
});

const SETTINGS_FIELDS = new Set(Object.keys(settingsFormFields.shape));

/** Where an issue of the contract or of the API (by its path in the request) shows on the form; 'root' above the buttons. */
export function formFieldOf(path: readonly PropertyKey[], values: SelectionFormValues): string {
  const [field, ...rest] = path;
  if (field === 'selection') return selectionFieldOf(rest, values);
  return typeof field === 'string' && SETTINGS_FIELDS.has(field) ? field : 'root';
}

/** An API issue ("selection.perTopic.0.count") placed on the form the same way. */
export const formFieldOfApiPath = (path: string, values: SelectionFormValues) => formFieldOf(pathParts(path), values);

type Issue = { path: string; message: string };

/** Adds the form's issues first, then the contract's on fields not yet reported. */
function report(ctx: z.RefinementCtx, formIssues: Issue[], contractIssues: Issue[]) {
  const reported = new Set<string>();
  for (const issue of [...formIssues, ...contractIssues]) {
    if (reported.has(issue.path)) continue;
    reported.add(issue.path);
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  }
}

function useSelectionMessages() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      countInvalid: t('assessments.selection.countInvalid'),
      tooMany: (available: number) => t('assessments.selection.countTooMany', { n: available }),
    }),
    [t],
  );
}

/**
 * The settings form's checks: readable dates in order, whole counts within each topic, then the contract's
 * own rules with its Thai messages beside the field they concern.
 */
export function useSettingsFormSchema(context: SelectionContext) {
  const { t } = useTranslation();
  const messages = useSelectionMessages();
  return useMemo(
    () =>
      settingsFormFields.superRefine((values, ctx) => {
        const formIssues: Issue[] = [];
        const opensAt = dateTimeInputToIso(values.opensAt);
        const closesAt = dateTimeInputToIso(values.closesAt);
        if (opensAt === undefined) formIssues.push({ path: 'opensAt', message: t('assessments.settings.dateTimeInvalid') });
        if (closesAt === undefined) formIssues.push({ path: 'closesAt', message: t('assessments.settings.dateTimeInvalid') });
        if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
          formIssues.push({ path: 'closesAt', message: t('assessments.settings.closesBeforeOpens') });
        }
        if (!context.lockedSelection) formIssues.push(...drawIssues(values, context.topics, messages));
        const parsed = AssessmentSettingsSchema.safeParse(toSettings(values, context));
        const contractIssues = parsed.success
          ? []
          : parsed.error.issues.map((issue) => ({ path: formFieldOf(issue.path, values), message: issue.message }));
        report(ctx, formIssues, contractIssues);
      }),
    [t, messages, context],
  );
}

export function useSurveyFormSchema(topics: BankTopic[]) {
  const messages = useSelectionMessages();
  return useMemo(
    () =>
      surveyFormFields.superRefine((values, ctx) => {
        const parsed = CreateSurveyRequestSchema.safeParse(toSurveyRequest(values, topics));
        const contractIssues = parsed.success
          ? []
          : parsed.error.issues.map((issue) => ({ path: formFieldOf(issue.path, values), message: issue.message }));
        report(ctx, drawIssues(values, topics, messages), contractIssues);
      }),
    [messages, topics],
  );
}

/** The settings form starts from the test as saved. */
export function settingsFormValues(detail: AssessmentDetail, selection: SelectionFormValues): SettingsFormValues {
  return {
    title: detail.title,
    opensAt: dateTimeInputOf(detail.opensAt),
    closesAt: dateTimeInputOf(detail.closesAt),
    timeLimitMinutes: detail.timeLimitMinutes ?? undefined,
    attemptsAllowed: detail.attemptsAllowed,
    shuffleQuestions: detail.shuffleQuestions,
    shuffleOptions: detail.shuffleOptions,
    resultsVisibility: detail.resultsVisibility,
    reviewVisibility: detail.reviewVisibility,
    ...selection,
  };
}
