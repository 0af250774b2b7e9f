import { z } from 'zod';
import { ProgramIndicatorSchema, INDICATOR_STATUSES } from './indicators';
import { QUESTION_TYPES } from './questions';
import { SESSION_STATUSES } from './sessions';
import { ASSESSMENT_KINDS } from './trainee-values';
import { FINISH_REASONS } from './trainee';

/**
 * The drill-down of one program-year for managers, organizers and admins: its figures, per-topic gain, its sessions
 * and its people (names only: no contact, guardian or age details), one person's attempts, and the trend across years.
 */

export const TopicGainSchema = z.object({
  topic: z.string(),
  pairedCount: z.number().int().describe('Attendees with both a pre-test and a post-test score on this topic’s questions.'),
  pairedMeanPrePercent: z.number().nullable().describe('Mean pre-test percent on this topic over the paired attendees.'),
  pairedMeanPostPercent: z.number().nullable().describe('Mean post-test percent on this topic over the paired attendees.'),
  meanGainPoints: z.number().nullable().describe('Mean of post − pre on this topic (percentage points) over the paired attendees.'),
  meanNormalizedGain: z.number().nullable().describe('Mean of the individual normalized gains on this topic, over those below 100 before.'),
  normalizedGainCount: z.number().int(),
  hakeGain: z.number().nullable().describe("Hake's g of this topic's paired means."),
});
export type TopicGainView = z.infer<typeof TopicGainSchema>;

export const ProgramYearSessionResultSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  status: z.enum(SESSION_STATUSES),
  preTestId: z.uuid().nullable(),
  postTestId: z.uuid().nullable(),
  attended: z.number().int().describe('People checked in at this session.'),
  preTestTaken: z.number().int().describe('Attendees of this session with a pre-test score that counts (their first).'),
  postTestTaken: z.number().int().describe('Attendees of this session with a post-test score that counts (their best).'),
  passed: z.number().int().describe('Attendees of this session whose best post-test here reaches the pass mark.'),
  missingPostTest: z.number().int(),
  passRatePercent: z.number().nullable().describe('passed / attended × 100 for this session; null while nobody attended.'),
  pairedCount: z.number().int(),
  pairedMeanPrePercent: z.number().nullable(),
  pairedMeanPostPercent: z.number().nullable(),
  meanGainPoints: z.number().nullable(),
});
export type ProgramYearSessionResult = z.infer<typeof ProgramYearSessionResultSchema>;

export const AttendeeResultSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  sessions: z.array(z.object({ sessionId: z.uuid(), title: z.string(), startsAt: z.string() })),
  prePercent: z.number().nullable().describe('The pre-test that counts: the person’s first over the program-year.'),
  postPercent: z.number().nullable().describe('The post-test that counts: the person’s best over the program-year.'),
  gainPoints: z.number().nullable().describe('post − pre in percentage points; null unless both were taken.'),
  normalizedGain: z.number().nullable().describe('(post − pre) / (100 − pre); null at pre = 100 or unless both were taken.'),
  passed: z.boolean().describe('The post-test that counts reaches the pass mark.'),
  missingPostTest: z.boolean().describe('Attended but took no post-test (counted as not passed).'),
});
export type AttendeeResult = z.infer<typeof AttendeeResultSchema>;

export const ProgramYearResultsSchema = z.object({
  programId: z.uuid(),
  programCode: z.string(),
  programName: z.string(),
  fiscalYear: z.number().int(),
  indicator: ProgramIndicatorSchema,
  topics: z.array(TopicGainSchema),
  sessions: z.array(ProgramYearSessionResultSchema),
  people: z.array(AttendeeResultSchema),
});
export type ProgramYearResults = z.infer<typeof ProgramYearResultsSchema>;

export const PersonAttemptAnswerSchema = z.object({
  questionId: z.uuid(),
  position: z.number().int(),
  topic: z.string(),
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), chosen: z.boolean(), right: z.boolean() })),
  answered: z.boolean(),
  correct: z.boolean().describe('Earned the question’s full points.'),
  earnedPoints: z.number(),
  points: z.number(),
});

export const PersonAttemptSchema = z.object({
  attemptId: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  assessmentId: z.uuid(),
  assessmentTitle: z.string(),
  sessionId: z.uuid(),
  sessionTitle: z.string(),
  attemptNumber: z.number().int(),
  state: z.enum(['in_progress', 'ended']),
  finishReason: z.enum(FINISH_REASONS).nullable(),
  counts: z.boolean().describe('This is the attempt the person’s pre or post score comes from.'),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().nullable(),
  startedAt: z.string(),
  submittedAt: z.string().nullable().describe('When it ended (submitted, or its deadline once past).'),
  answers: z.array(PersonAttemptAnswerSchema),
});
export type PersonAttempt = z.infer<typeof PersonAttemptSchema>;

export const PersonAttemptsSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  programId: z.uuid(),
  programCode: z.string(),
  programName: z.string(),
  fiscalYear: z.number().int(),
  passMarkPercent: z.number(),
  result: AttendeeResultSchema.nullable(),
  attempts: z.array(PersonAttemptSchema),
});
export type PersonAttempts = z.infer<typeof PersonAttemptsSchema>;

export const IndicatorTrendYearSchema = z.object({
  fiscalYear: z.number().int(),
  planned: z.boolean().describe('The program has a program-year (targets) in this fiscal year.'),
  attended: z.number().int(),
  passRatePercent: z.number().nullable(),
  targetPassRatePercent: z.number().nullable(),
  indicatorStatus: z.enum(INDICATOR_STATUSES).nullable(),
  pairedCount: z.number().int(),
  meanGainPoints: z.number().nullable(),
});
export type IndicatorTrendYear = z.infer<typeof IndicatorTrendYearSchema>;

export const IndicatorTrendSchema = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  programs: z.array(
    z.object({ programId: z.uuid(), programCode: z.string(), programName: z.string(), years: z.array(IndicatorTrendYearSchema) }),
  ),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrendSchema>;
