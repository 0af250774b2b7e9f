import {
  AGE_BANDS,
  hasVisibleCharacter,
  MINOR_AGE_BANDS,
  PERSON_GROUPS,
  says,
  type AttemptResult,
  type AttemptReview,
  type JoinRequest,
  type TraineeAttempt,
  type TraineeSession,
} from '@sujarit/contracts';
import * as z from 'zod/mini';

/*
 * The trainee's schemas in zod/mini, a fifth of zod's full build, so the phone never downloads zod's full build nor
 * every schema of libs/contracts (issue 11). The server checks with the contract's own schemas (trainee.ts); the
 * types below are checked against the contract's at build time, so a field added there fails the typecheck here.
 *
 * Answers are checked for their shape (objects, fields, their types), not each enum's values: the contract types
 * them, and a reply that fails the check still shows "server error" as before.
 */

// The join form: what the server refuses, refused on the phone with the contract's own messages, worded in the reader's
// language (JoinRequestSchema).
export const JoinCodeSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[2-9A-HJKMNP-Z]{6}$/, says('joinCodeFormat')));

const toArabicDigits = (text: string) => text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const CheckInCodeSchema = z
  .string()
  .check(
    z.trim(),
    z.overwrite(toArabicDigits),
    z.regex(/^[0-9]{4}$/, says('checkInCodeFormat')),
  );

export const JoinRequestSchema = z.strictObject({
  fullName: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, says('fullNameRequired')),
      z.maxLength(120),
      z.refine(hasVisibleCharacter, says('fullNameRequired')),
    ),
  group: z.enum(PERSON_GROUPS, says('personGroupRequired')),
  ageBand: z._default(z.nullable(z.enum(AGE_BANDS, says('ageBandRequired'))), null),
  guardianName: z._default(z.nullable(z.string().check(z.trim(), z.maxLength(120))), null),
  checkInCode: z._default(z.nullable(CheckInCodeSchema), null),
}).check(
  z.refine((r) => r.ageBand === null || r.group === 'youth', {
    ...says('ageBandYouthOnly'),
    path: ['ageBand'],
  }),
  z.refine((r) => r.ageBand === null || !MINOR_AGE_BANDS.includes(r.ageBand) || Boolean(r.guardianName), {
    ...says('guardianConsentRequired'),
    path: ['guardianName'],
  }),
);

// The server's answers.
const nullableNumber = z.nullable(z.number());
const nullableString = z.nullable(z.string());
const VisibleScore = { score: nullableNumber, maxScore: nullableNumber, percent: nullableNumber };
const ScoreMeaning = { passed: z.nullable(z.boolean()), prePercent: nullableNumber, changeSincePrePoints: nullableNumber };

const traineeSessionShape = z.object({
  joinCode: z.string(),
  title: z.string(),
  programName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  acceptingWalkIns: z.boolean(),
  walkInsAllowed: z.boolean(),
  checkInCodeRequired: z.boolean(),
  youthProgram: z.boolean(),
  noLongerJoined: z.boolean(),
  me: z.nullable(z.object({ fullName: z.string(), checkedInAt: nullableString })),
  assessments: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      state: z.string(),
      opensAt: nullableString,
      closesAt: nullableString,
      timeLimitMinutes: nullableNumber,
      questionCount: z.number(),
      attemptsAllowed: z.number(),
      attemptsUsed: z.number(),
      resultsVisibility: z.string(),
      passMarkPercent: nullableNumber,
      myAttempt: z.nullable(
        z.object({
          id: z.string(),
          attemptNumber: z.number(),
          submitted: z.boolean(),
          finishReason: nullableString,
          deadlineAt: nullableString,
          ...VisibleScore,
          ...ScoreMeaning,
        }),
      ),
      canRetake: z.boolean(),
      reviewAvailable: z.boolean(),
    }),
  ),
});

const traineeAttemptShape = z.object({
  id: z.string(),
  assessmentId: z.string(),
  kind: z.string(),
  title: z.string(),
  attemptNumber: z.number(),
  questions: z.array(
    z.object({ id: z.string(), type: z.string(), stem: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) }),
  ),
  answers: z.record(z.string(), z.array(z.string())),
  submitted: z.boolean(),
  startedAt: z.string(),
  deadlineAt: nullableString,
  serverNow: z.string(),
});

const attemptResultShape = z.object({
  attemptId: z.string(),
  kind: z.string(),
  ...VisibleScore,
  passMarkPercent: nullableNumber,
  ...ScoreMeaning,
  resultsVisibility: z.string(),
  finishReason: z.string(),
  submittedAt: z.string(),
});

const attemptReviewShape = z.object({
  attemptId: z.string(),
  title: z.string(),
  ...VisibleScore,
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      stem: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })),
      chosenOptionIds: z.array(z.string()),
      points: z.number(),
      earned: z.number(),
      explanation: z.string(),
    }),
  ),
});

/*
 * Build-time checks against the contract: the join request is exactly the contract's; each answer's check has
 * exactly the contract's fields (a field added to or dropped from the contract fails here), its enums as text.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fields<T> = T extends readonly (infer Item)[] ? Fields<Item>[] : T extends object ? { [K in keyof T]-?: Fields<T[K]> } : T extends string ? string : T;
const contractChecks: [
  Same<z.output<typeof JoinRequestSchema>, JoinRequest>,
  Same<Fields<z.output<typeof traineeSessionShape>>, Fields<TraineeSession>>,
  Same<Fields<z.output<typeof traineeAttemptShape>>, Fields<TraineeAttempt>>,
  Same<Fields<z.output<typeof attemptResultShape>>, Fields<AttemptResult>>,
  Same<Fields<z.output<typeof attemptReviewShape>>, Fields<AttemptReview>>,
] = [true, true, true, true, true];
void contractChecks;

/** Each answer's check, typed by the contract (its enums checked by the type checks above, not at run time). */
export const TraineeSessionCheck = traineeSessionShape as unknown as z.ZodMiniType<TraineeSession>;
export const TraineeAttemptCheck = traineeAttemptShape as unknown as z.ZodMiniType<TraineeAttempt>;
export const AttemptResultCheck = attemptResultShape as unknown as z.ZodMiniType<AttemptResult>;
export const AttemptReviewCheck = attemptReviewShape as unknown as z.ZodMiniType<AttemptReview>;
