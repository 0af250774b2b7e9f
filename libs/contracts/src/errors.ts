import { z } from 'zod';

/** Stable error codes for programs; the message beside each is Thai, for people. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_LOGIN_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'PROGRAM_NOT_FOUND',
  'PROGRAM_YEAR_NOT_FOUND',
  'SESSION_NOT_FOUND',
  'JOIN_CODE_NOT_FOUND',
  'SESSION_CLOSED_FOR_JOINING',
  'SESSION_FULL',
  'SESSION_HAS_ATTENDANCE',
  'PERSON_NOT_FOUND',
  'ENROLMENT_NOT_FOUND',
  'ALREADY_ENROLLED',
  'IMPORT_FILE_INVALID',
  'PERSON_ERASED',
  'NOT_ON_LIST',
  'AGE_BAND_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'NOT_JOINED',
  'ASSESSMENT_NOT_FOUND',
  'ASSESSMENT_NOT_OPEN',
  'ASSESSMENT_EMPTY',
  'ATTEMPT_ALREADY_SUBMITTED',
  'QUESTION_NOT_IN_ASSESSMENT',
  'OPTION_NOT_IN_QUESTION',
  'INVALID_STATE',
  'ASSESSMENT_QUESTIONS_LOCKED',
  'ASSESSMENT_IN_USE',
  'NOT_ENOUGH_QUESTIONS',
  'ATTEMPT_DEADLINE_PASSED',
  'NO_ATTEMPTS_LEFT',
  'REVIEW_NOT_AVAILABLE',
  'PDF_UNAVAILABLE',
  'INTERNAL_ERROR',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CHARACTERS',
  'ORIGIN_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
