import { z } from 'zod';
import { ASSESSMENT_KINDS, ASSESSMENT_STATUSES } from './sessions';

export const PERSON_GROUPS = ['staff', 'executive', 'council_member', 'citizen', 'youth'] as const;
export type PersonGroup = (typeof PERSON_GROUPS)[number];

/** A join code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{6}$/, { message: 'รหัสเข้าร่วมมี 6 ตัวอักษร' });

export const JoinRequestSchema = z.strictObject({
  fullName: z
    .string()
    .trim()
    .min(2, { message: 'กรุณากรอกชื่อ-นามสกุล' })
    .max(120, { message: 'ชื่อยาวเกินไป' }),
  group: z.enum(PERSON_GROUPS, { message: 'กรุณาเลือกกลุ่มผู้เข้าอบรม' }),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const TraineeAssessmentStateSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  questionCount: z.number().int(),
  myAttempt: z
    .object({
      id: z.uuid(),
      submitted: z.boolean(),
      score: z.number().nullable(),
      maxScore: z.number().nullable(),
      percent: z.number().nullable(),
    })
    .nullable(),
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
  me: z.object({ fullName: z.string(), checkedInAt: z.string().nullable() }).nullable(),
  assessments: z.array(TraineeAssessmentStateSchema),
});
export type TraineeSession = z.infer<typeof TraineeSessionSchema>;

export const TraineeQuestionSchema = z.object({
  id: z.uuid(),
  type: z.enum(['single_choice', 'true_false']),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type TraineeQuestion = z.infer<typeof TraineeQuestionSchema>;

export const TraineeAttemptSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  questions: z.array(TraineeQuestionSchema),
  answers: z.record(z.string(), z.array(z.string())),
  submitted: z.boolean(),
});
export type TraineeAttempt = z.infer<typeof TraineeAttemptSchema>;

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
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  submittedAt: z.string(),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;
