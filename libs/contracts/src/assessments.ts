import { z } from 'zod';
import { says } from './messages';
import { hasVisibleCharacter, InstantSchema } from './common';
import { QUESTION_TYPES } from './questions';
import { AssessmentSummarySchema } from './sessions';

/** When a trainee sees their score: right after submitting, once the test closes, or never. */
export const RESULTS_VISIBILITY = ['on_submit', 'after_close', 'never'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

/** When a trainee may review right answers and explanations: only ever after the test closes. */
export const REVIEW_VISIBILITY = ['after_close', 'never'] as const;
export type ReviewVisibility = (typeof REVIEW_VISIBILITY)[number];

/**
 * Which questions a test holds:
 * - `fixed`: these questions in this order;
 * - `random_per_topic`: N questions drawn at random from each topic when the organizer saves, so everyone in
 *   the session gets the same questions (shuffling varies only the order);
 * - `same_as_pre` (post-test only): the pre-test's questions, so gain pairs per person. A post-test with its own
 *   selection is a parallel form.
 */
export const AssessmentSelectionSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('fixed'),
    questionIds: z
      .array(z.uuid())
      .min(1, says('questionsRequired'))
      .max(200),
  }),
  z.strictObject({
    mode: z.literal('random_per_topic'),
    perTopic: z
      .array(
        z.strictObject({
          topic: z.string().trim().min(1, says('topicRequired')).max(100).refine(hasVisibleCharacter, says('topicRequired')),
          count: z.number().int().min(1).max(200),
        }),
      )
      .min(1, says('topicsRequired'))
      .max(50),
  }),
  z.strictObject({ mode: z.literal('same_as_pre') }),
]);
export type AssessmentSelection = z.infer<typeof AssessmentSelectionSchema>;

/** Everything an organizer sets on one test of a session. */
export const AssessmentSettingsSchema = z
  .strictObject({
    title: z.string().trim().min(1, says('assessmentTitleRequired')).max(200).refine(hasVisibleCharacter, says('assessmentTitleRequired')),
    /** Before this time trainees cannot start; null = as soon as it is opened. */
    opensAt: InstantSchema.nullable(),
    /** After this time no one starts, and running attempts end at it; null = until closed by hand. */
    closesAt: InstantSchema.nullable(),
    timeLimitMinutes: z
      .number()
      .int()
      .min(1)
      .max(600)
      .nullable(),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    attemptsAllowed: z
      .number()
      .int()
      .min(1)
      .max(10),
    resultsVisibility: z.enum(RESULTS_VISIBILITY, says('resultsVisibilityRequired')),
    reviewVisibility: z.enum(REVIEW_VISIBILITY, says('reviewVisibilityRequired')),
    selection: AssessmentSelectionSchema,
  })
  .refine((s) => !s.opensAt || !s.closesAt || Date.parse(s.closesAt) > Date.parse(s.opensAt), {
    ...says('closesAfterOpens'),
    path: ['closesAt'],
  });
export type AssessmentSettings = z.infer<typeof AssessmentSettingsSchema>;

/** A survey added to a session (satisfaction, follow-up); pre- and post-tests come with every session. */
export const CreateSurveyRequestSchema = z.strictObject({
  title: z.string().trim().min(1, says('surveyTitleRequired')).max(200).refine(hasVisibleCharacter, says('surveyTitleRequired')),
  selection: AssessmentSelectionSchema,
});
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequestSchema>;

/** The organizer's view of one test: its settings and its questions (without keys; the bank page has those). */
export const AssessmentDetailSchema = AssessmentSummarySchema.extend({
  sessionId: z.uuid(),
  programId: z.uuid(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  attemptsAllowed: z.number().int(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY),
  reviewVisibility: z.enum(REVIEW_VISIBILITY),
  selection: AssessmentSelectionSchema,
  questions: z.array(
    z.object({ id: z.uuid(), topic: z.string(), type: z.enum(QUESTION_TYPES), stem: z.string(), points: z.number() }),
  ),
  /** Once anyone has started, the questions are fixed; times, limits and visibility can still change. */
  questionsLocked: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetailSchema>;

/** One Likert item's answers: how many answered, the mean (1–5) and the share answering 4 or 5. */
export const SurveyItemResultSchema = z.object({
  questionId: z.uuid(),
  topic: z.string(),
  stem: z.string(),
  /** The follow-up outcome the item measures; null when none. */
  followUpOutcome: z.string().nullable(),
  answered: z.number().int(),
  /** Null when nobody answered the item. */
  mean: z.number().nullable(),
  /** Percent of those who answered with 4 (มาก) or 5 (มากที่สุด). */
  agreePercent: z.number().nullable(),
  /** How many chose each value, from 5 down to 1. */
  counts: z.object({ 5: z.number().int(), 4: z.number().int(), 3: z.number().int(), 2: z.number().int(), 1: z.number().int() }),
});
export type SurveyItemResult = z.infer<typeof SurveyItemResultSchema>;

/**
 * A follow-up outcome the plan names (1.2.1 "applies sufficiency economy", 1.3.1's three youth outcomes): the share
 * of respondents whose mean over the outcome's items is 4 (มาก) or more, against its target (80 %).
 */
export const FollowUpOutcomeResultSchema = z.object({
  outcome: z.string(),
  itemCount: z.number().int(),
  /** Respondents who answered at least one of its items. */
  respondents: z.number().int(),
  achieving: z.number().int(),
  /** Null when nobody answered: no data yet. */
  percent: z.number().nullable(),
  targetPercent: z.number(),
  /** Null when nobody answered: no data yet, not "not met". */
  met: z.boolean().nullable(),
});
export type FollowUpOutcomeResult = z.infer<typeof FollowUpOutcomeResultSchema>;

/** A survey's answers, item by item, and the follow-up outcomes its items measure. */
export const SurveyResultsSchema = z.object({
  assessmentId: z.uuid(),
  title: z.string(),
  /** People whose answers were submitted (their latest attempt counts). */
  respondents: z.number().int(),
  items: z.array(SurveyItemResultSchema),
  outcomes: z.array(FollowUpOutcomeResultSchema),
});
export type SurveyResults = z.infer<typeof SurveyResultsSchema>;

/**
 * The surveys of a program-year pooled: every survey of the program's sessions of the fiscal year (not cancelled),
 * each respondent's counting answers once per session survey. Versions of one question count as one item.
 */
export const ProgramYearSurveyResultsSchema = z.object({
  programId: z.uuid(),
  programCode: z.string(),
  programName: z.string(),
  fiscalYear: z.number().int(),
  /** The session surveys pooled, in session order. */
  surveys: z.array(
    z.object({ assessmentId: z.uuid(), sessionId: z.uuid(), sessionTitle: z.string(), title: z.string(), respondents: z.number().int() }),
  ),
  /** Responses pooled: a person counts once per session survey they answered. */
  respondents: z.number().int(),
  items: z.array(SurveyItemResultSchema),
  outcomes: z.array(FollowUpOutcomeResultSchema),
});
export type ProgramYearSurveyResults = z.infer<typeof ProgramYearSurveyResultsSchema>;

/**
 * Item analysis of a pre- or post-test (staff only): per question how hard it was and whether it told stronger from
 * weaker respondents, and KR-20 for the test. Never carries answer keys.
 */
export const ItemAnalysisSchema = z.object({
  assessmentId: z.uuid(),
  kind: z.enum(['pre_test', 'post_test']),
  title: z.string(),
  /** People with an ended attempt; each counts once (first pre-test attempt, best post-test attempt). */
  respondents: z.number().int(),
  /** Fewer respondents than smallGroupThreshold: the figures say little. */
  smallGroup: z.boolean(),
  smallGroupThreshold: z.number().int(),
  /** Respondents in each of the upper and lower 27 % groups of the discrimination index. */
  discriminationGroupSize: z.number().int(),
  /** Right/wrong questions KR-20 is over. */
  reliabilityItemCount: z.number().int(),
  /** KR-20 reliability; null with fewer than two right/wrong questions or when totals do not vary. */
  kr20: z.number().nullable(),
  items: z.array(
    z.object({
      questionId: z.uuid(),
      /** The stem as plain text. */
      stem: z.string(),
      topic: z.string(),
      type: z.enum(QUESTION_TYPES),
      points: z.number(),
      rightCount: z.number().int(),
      /** Share of respondents right, 0–1; null without respondents. */
      difficulty: z.number().nullable(),
      /** Upper 27 % minus lower 27 % share right, −1 to 1; null with fewer than two respondents. */
      discrimination: z.number().nullable(),
      /** Correlation of right/wrong on the item with the rest of the score; null when either does not vary. */
      pointBiserial: z.number().nullable(),
      flags: z.object({ tooEasy: z.boolean(), tooHard: z.boolean(), negativeDiscrimination: z.boolean() }),
    }),
  ),
});
export type ItemAnalysis = z.infer<typeof ItemAnalysisSchema>;
