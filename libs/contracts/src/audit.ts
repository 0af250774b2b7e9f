import { z } from 'zod';
import { InstantSchema } from './common';

/**
 * What the audit log records: who changed what and when. Never answers, passwords or a trainee's details:
 * people appear by their registry id only, so an erasure leaves nothing of them here.
 */
export const AUDIT_ACTIONS = [
  'program.created',
  'program.updated',
  'program.archived',
  'program.unarchived',
  'program.deleted',
  'program.template_applied',
  'program_year.updated',
  'question.created',
  'question.updated',
  'question.deleted',
  'question.archived',
  'questions.imported',
  'assessment.created',
  'assessment.settings_updated',
  'assessment.deleted',
  'assessment.opened',
  'assessment.closed',
  'enrolment.created',
  'enrolment.status_changed',
  'enrolment.moved_to_new_phone',
  'enrolments.imported',
  'person.updated',
  'person.erased',
  'person.merged',
  'certificate.withdrawn',
  'user.invited',
  'user.role_changed',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset_issued',
  'user.password_changed',
  'user.signed_out_everywhere',
  'organization.created',
  'organization.profile_updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The groups the admin's filter offers: the part of the action before the dot. */
export const AUDIT_SUBJECTS = ['program', 'program_year', 'question', 'questions', 'assessment', 'enrolment', 'enrolments', 'person', 'certificate', 'user', 'organization'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

/** A changed field: what it was and what it became (numbers, codes and titles only). */
export const AuditChangeSchema = z.object({ from: z.unknown(), to: z.unknown() });
export type AuditChange = z.infer<typeof AuditChangeSchema>;

export const AuditEventSchema = z.object({
  /** Its place in the log: later events have larger numbers. */
  id: z.string(),
  occurredAt: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** Who did it; null for the operator's command line or the system itself. */
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  subject: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  changes: z.record(z.string(), AuditChangeSchema),
  /** Other facts of the event (e.g. how many questions an import added). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEventQuerySchema = z.strictObject({
  subject: z.enum(AUDIT_SUBJECTS).optional(),
  actorId: z.uuid().optional(),
  /** From this instant (inclusive) to `to` (exclusive). */
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  /** The `nextCursor` of the previous page: an event's id, which is a bigint (so at most 18 digits are always one). */
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuerySchema>;

export const AuditEventPageSchema = z.object({
  events: z.array(AuditEventSchema),
  /** Pass as `cursor` for older events; null at the end. */
  nextCursor: z.string().nullable(),
  /** Everyone who appears as an actor in this organization's log, for the filter. */
  actors: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
