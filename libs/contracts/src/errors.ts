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
  'PEOPLE_NOT_SAME_NAME',
  'MERGE_ATTEMPTS_IN_SAME_SESSION',
  'NOT_ON_LIST',
  'AGE_BAND_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'NOT_JOINED',
  'ASSESSMENT_NOT_FOUND',
  'ASSESSMENT_NOT_OPEN',
  'ASSESSMENT_EMPTY',
  'ATTEMPT_ALREADY_SUBMITTED',
  'ATTEMPT_SUBMITTED_ELSEWHERE',
  'QUESTION_NOT_IN_ASSESSMENT',
  'OPTION_NOT_IN_QUESTION',
  'INVALID_STATE',
  'ASSESSMENT_QUESTIONS_LOCKED',
  'ASSESSMENT_IN_USE',
  'ASSESSMENT_NOT_A_TEST',
  'NOT_ENOUGH_QUESTIONS',
  'ATTEMPT_DEADLINE_PASSED',
  'NO_ATTEMPTS_LEFT',
  'REVIEW_NOT_AVAILABLE',
  'PDF_UNAVAILABLE',
  'LOGO_INVALID',
  'SETUP_ALREADY_DONE',
  'PASSWORD_CHANGE_REQUIRED',
  'ACCOUNT_DEACTIVATED',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_UNCHANGED',
  'CURRENT_PASSWORD_INCORRECT',
  'USER_NOT_FOUND',
  'EMAIL_TAKEN',
  'LAST_ADMIN',
  'CANNOT_DEACTIVATE_SELF',
  'USER_DEACTIVATED',
  'ACCOUNT_LINK_INVALID',
  'ACCOUNT_LINK_USED',
  'ACCOUNT_LINK_EXPIRED',
  'INTERNAL_ERROR',
  'DATABASE_UNAVAILABLE',
  'PROGRAM_CODE_TAKEN',
  'PROGRAM_ARCHIVED',
  'PROGRAM_HAS_SESSIONS',
  'PROGRAM_TEMPLATE_NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CHARACTERS',
  'ORIGIN_NOT_ALLOWED',
  'TOO_MANY_JOIN_CODE_ATTEMPTS',
  'CHECKED_IN_ON_ANOTHER_PHONE',
  'CHECK_IN_CODE_REQUIRED',
  'CHECK_IN_CODE_WRONG',
  'TOO_MANY_CHECK_IN_CODE_ATTEMPTS',
  'PRECONDITION_FAILED',
  'RANGE_NOT_SATISFIABLE',
  'CERTIFICATE_NOT_FOUND',
  'CERTIFICATE_NOT_EARNED',
  'CERTIFICATE_REVOKED',
  'TOO_MANY_CERTIFICATE_LOOKUPS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The values a message is worded with (a limit, a count, a name), so a client can word it in its own language. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/**
 * One field's problem: `code` is zod's issue code (too_big, too_small, invalid_type, invalid_format, invalid_value,
 * unrecognized_keys, custom, …) or a schema's own VALIDATION_MESSAGE_KEYS entry; `message` is Thai. Older servers sent
 * no code, so it stays optional for readers.
 */
export const ApiIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: ErrorParamsSchema.optional(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/** `message` is Thai for programs and older clients; people's texts are worded from `code` and `params`. */
export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  params: ErrorParamsSchema.optional(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
