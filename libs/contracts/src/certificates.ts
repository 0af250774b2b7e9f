import { z } from 'zod';
import { says, saysWhenMissing } from './messages';
import { hasVisibleCharacter } from './common';
import { CERTIFICATE_CRITERIA } from './programs';

/** Why a certificate no longer verifies: withdrawn by an organizer, the person erased, or their enrolment withdrawn. */
export const CERTIFICATE_REVOCATION_CAUSES = ['withdrawn', 'person_erased', 'enrolment_withdrawn'] as const;
export type CertificateRevocationCause = (typeof CERTIFICATE_REVOCATION_CAUSES)[number];

/**
 * The letters a verification code is drawn from: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a code read off paper and typed
 * is typed right. 12 letters of 24: about 55 bits.
 */
export const CERTIFICATE_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3467';
export const CERTIFICATE_CODE_LENGTH = 12;
export const CertificateCodeSchema = z
  .string()
  .regex(new RegExp(`^[${CERTIFICATE_CODE_ALPHABET}]{${CERTIFICATE_CODE_LENGTH}}$`), says('certificateCodeInvalid'));

export const CertificateStatusSchema = z.enum(['valid', 'revoked']);

/** What the public verification shows: only these, to anyone holding the code. */
export const CertificateVerificationSchema = z.object({
  code: z.string(),
  status: CertificateStatusSchema,
  /** The person's name; null once the certificate is revoked (an erased person's name is never shown). */
  fullName: z.string().nullable(),
  /** The training: the program's code and Thai name. */
  training: z.string(),
  /** The session's first day, YYYY-MM-DD on the Bangkok calendar. */
  sessionDate: z.string(),
  organizationName: z.string(),
  /** When it was revoked; null while valid. */
  revokedAt: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerificationSchema>;

/** One attendee of a session as the certificates part of the session page lists them. */
export const SessionCertificateRowSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  /** Checked in (attended) this session. */
  attended: z.boolean(),
  /** The counting post-test of this session in percent; null when none ended. */
  postPercent: z.number().nullable(),
  /** Meets the program-year's criterion, so a certificate is issued on request. */
  qualifies: z.boolean(),
  /** The certificate already issued, if any. */
  certificate: z
    .object({
      code: z.string(),
      issuedAt: z.string(),
      revokedAt: z.string().nullable(),
      revocationCause: z.enum(CERTIFICATE_REVOCATION_CAUSES).nullable(),
      revocationReason: z.string().nullable(),
    })
    .nullable(),
});
export type SessionCertificateRow = z.infer<typeof SessionCertificateRowSchema>;

export const SessionCertificatesSchema = z.object({
  sessionId: z.uuid(),
  criterion: z.enum(CERTIFICATE_CRITERIA),
  /** The program-year's pass mark in percent (the 'attended_and_passed' criterion reads it). */
  passMarkPercent: z.number(),
  people: z.array(SessionCertificateRowSchema),
});
export type SessionCertificates = z.infer<typeof SessionCertificatesSchema>;

export const WithdrawCertificateRequestSchema = z.strictObject({
  reason: z
    .string(saysWhenMissing('revokeReasonRequired'))
    .trim()
    .min(1, says('revokeReasonRequired'))
    .max(500)
    .refine(hasVisibleCharacter, says('revokeReasonRequired')),
});
export type WithdrawCertificateRequest = z.infer<typeof WithdrawCertificateRequestSchema>;
