import { z } from 'zod';
import { AGE_BANDS, ASSESSMENT_KINDS, MINOR_AGE_BANDS, PERSON_GROUPS } from './trainee-values';
import { says } from './messages';
import { hasVisibleCharacter } from './common';
import { RESULTS_VISIBILITY } from './assessments';
import { QUESTION_TYPES } from './questions';
import { ASSESSMENT_STATES } from './sessions';

/** A join code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{6}$/, says('joinCodeFormat'));

/** Thai digits (๐–๙), as a Thai keyboard types them, read as 0–9. */
const toArabicDigits = (text: string) => text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** The personal check-in code printed beside a person's name on the enrolment list: 4 digits. */
export const CHECK_IN_CODE_LENGTH = 4;
export const CheckInCodeSchema = z
  .string()
  .trim()
  .overwrite(toArabicDigits)
  .regex(/^[0-9]{4}$/, says('checkInCodeFormat'));

/**
 * Checking in from a phone: the name and group, and the personal check-in code when the session asks for one. A child or youth not on the list (a walk-in) also gives an age
 * band and, below 20, the name of the guardian who consents; the server asks for them (AGE_BAND_REQUIRED) only then.
 */
export const JoinRequestSchema = z
  .strictObject({
    fullName: z
      .string()
      .trim()
      .min(2, says('fullNameRequired'))
      .max(120)
      .refine(hasVisibleCharacter, says('fullNameRequired')),
    group: z.enum(PERSON_GROUPS, says('personGroupRequired')),
    ageBand: z.enum(AGE_BANDS, says('ageBandRequired')).nullable().default(null),
    guardianName: z.string().trim().max(120).nullable().default(null),
    checkInCode: CheckInCodeSchema.nullable().default(null),
  })
  .refine((r) => r.ageBand === null || r.group === 'youth', {
    ...says('ageBandYouthOnly'),
    path: ['ageBand'],
  })
  .refine((r) => r.ageBand === null || !MINOR_AGE_BANDS.includes(r.ageBand) || Boolean(r.guardianName), {
    ...says('guardianConsentRequired'),
    path: ['guardianName'],
  });
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

/** Why an attempt ended: the trainee sent it, its time ran out, or the organizer closed the test. */
export const FINISH_REASONS = ['submitted', 'deadline', 'closed'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

/** A score as the trainee may see it: null while the test's settings hide it (and always for a survey). */
const VisibleScore = {
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().nullable(),
};

/**
 * What a shown score means for the trainee, worked out on the server: whether it reaches the program-year's pass
 * mark, and for a post-test how far it moved from this person's own counting pre-test in this session (the first
 * ended one, as the indicator counts it). Null wherever the score itself is hidden, and for surveys.
 */
const ScoreMeaning = {
  /** Whether this attempt's percent reaches the pass mark (percent ≥ mark); null while the score is hidden. */
  passed: z.boolean().nullable(),
  /** Post-test only: the trainee's counting pre-test percent, when it was taken and its score may be shown. */
  prePercent: z.number().nullable(),
  /** Post-test only: this attempt's percent minus prePercent, in percentage points (+25 = up 25 points). */
  changeSincePrePoints: z.number().nullable(),
};

export const TraineeAssessmentStateSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  state: z.enum(ASSESSMENT_STATES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  questionCount: z.number().int(),
  attemptsAllowed: z.number().int(),
  /** Attempts handed in or ended (by time or close); one still being answered is not used up yet. */
  attemptsUsed: z.number().int(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY),
  /** The program-year's pass mark, percent of the full score; null for a survey. */
  passMarkPercent: z.number().nullable(),
  /** The latest attempt, if any. */
  myAttempt: z
    .object({
      id: z.uuid(),
      attemptNumber: z.number().int(),
      submitted: z.boolean(),
      finishReason: z.enum(FINISH_REASONS).nullable(),
      deadlineAt: z.string().nullable(),
      ...VisibleScore,
      ...ScoreMeaning,
    })
    .nullable(),
  /** The latest attempt is finished, the test is open and attempts remain: the phone may offer another try. */
  canRetake: z.boolean(),
  /** The right answers and explanations of the latest finished attempt can be shown now. */
  reviewAvailable: z.boolean(),
});
export type TraineeAssessmentState = z.infer<typeof TraineeAssessmentStateSchema>;

/** What a trainee sees of a session: never the answer keys. */
export const TraineeSessionSchema = z.object({
  joinCode: z.string(),
  title: z.string(),
  programName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  /** The session is scheduled or under way, so people can check in. */
  acceptingWalkIns: z.boolean(),
  /** People not on the list may register themselves; otherwise only listed names check in. */
  walkInsAllowed: z.boolean(),
  /** People on the list check in with their name and the personal code printed beside it; walk-ins need none. */
  checkInCodeRequired: z.boolean(),
  /**
   * The program's target group is children and youth: the check-in form starts on the youth group, and a walk-in
   * picks the age band (and, below 20, names the consenting guardian) on the first form.
   */
  youthProgram: z.boolean(),
  /**
   * This phone had checked in to this session, and the organizer has since moved that check-in to another phone
   * (or it was removed): the phone is told so instead of silently showing the check-in form.
   */
  noLongerJoined: z.boolean(),
  me: z.object({ fullName: z.string(), checkedInAt: z.string().nullable() }).nullable(),
  assessments: z.array(TraineeAssessmentStateSchema),
});
export type TraineeSession = z.infer<typeof TraineeSessionSchema>;

/** A question as a trainee sees it: options only, in this attempt's order; no key, no explanation. */
export const TraineeQuestionSchema = z.object({
  id: z.uuid(),
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type TraineeQuestion = z.infer<typeof TraineeQuestionSchema>;

export const TraineeAttemptSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  attemptNumber: z.number().int(),
  /** In this attempt's order (shuffled when the test says so); the order stays the same on every resume. */
  questions: z.array(TraineeQuestionSchema),
  answers: z.record(z.string(), z.array(z.string())),
  submitted: z.boolean(),
  startedAt: z.string(),
  /** When answers stop being taken (time limit or closing time); null = no deadline. */
  deadlineAt: z.string().nullable(),
  /** The server's clock when it answered, so the phone's countdown does not trust the phone's clock. */
  serverNow: z.string(),
});
export type TraineeAttempt = z.infer<typeof TraineeAttemptSchema>;

/** Start attempt number N or resume it: a retry of the same request never makes a second attempt. */
export const StartAttemptRequestSchema = z.strictObject({
  attemptNumber: z.number().int().min(1).max(10).default(1),
});
export type StartAttemptRequest = z.infer<typeof StartAttemptRequestSchema>;

export const SaveAnswerRequestSchema = z.strictObject({
  optionIds: z.array(z.string().max(64)).max(10),
});
export type SaveAnswerRequest = z.infer<typeof SaveAnswerRequestSchema>;

export const SubmitAttemptRequestSchema = z.strictObject({
  /** Answers the client still holds; merged over what was saved, so nothing given is lost. */
  answers: z.record(z.string().uuid(), z.array(z.string().max(64)).max(10)).default({}),
});
export type SubmitAttemptRequest = z.infer<typeof SubmitAttemptRequestSchema>;

export const AttemptResultSchema = z.object({
  attemptId: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  /** Null when the test shows results only after it closes, or never, and for surveys. */
  ...VisibleScore,
  /** The program-year's pass mark, percent of the full score; null for a survey. */
  passMarkPercent: z.number().nullable(),
  ...ScoreMeaning,
  resultsVisibility: z.enum(RESULTS_VISIBILITY),
  finishReason: z.enum(FINISH_REASONS),
  submittedAt: z.string(),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;

/** After the test closes (if its settings allow): each question with the right options and the explanation. */
export const AttemptReviewSchema = z.object({
  attemptId: z.uuid(),
  title: z.string(),
  ...VisibleScore,
  questions: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(QUESTION_TYPES),
      stem: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })),
      chosenOptionIds: z.array(z.string()),
      points: z.number(),
      earned: z.number(),
      explanation: z.string(),
    }),
  ),
});
export type AttemptReview = z.infer<typeof AttemptReviewSchema>;
