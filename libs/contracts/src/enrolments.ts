import { z } from 'zod';
import { says } from './messages';
import { PersonFieldsSchema, PersonSchema } from './people';

export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'attended', 'absent', 'withdrawn'] as const;
export type EnrolmentStatusName = (typeof ENROLMENT_STATUSES)[number];

export const EnrolmentSchema = z.object({
  id: z.uuid(),
  person: PersonSchema,
  status: z.enum(ENROLMENT_STATUSES),
  checkedInAt: z.string().nullable(),
  /** Checked in on a phone, which now holds this enrolment (the organizer may move it to another phone). */
  onPhone: z.boolean(),
  /** The personal check-in code printed on the list; asked for only when the session requires it. */
  checkInCode: z.string(),
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  prePercent: z.number().nullable(),
  postPercent: z.number().nullable(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const EnrolmentListSchema = z.object({
  enrolments: z.array(EnrolmentSchema),
  counts: z.object({
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
    attended: z.number().int(),
    absent: z.number().int(),
    withdrawn: z.number().int(),
  }),
  capacity: z.number().int(),
  /** The session asks listed people for their personal check-in code. */
  checkInCodeRequired: z.boolean(),
});
export type EnrolmentList = z.infer<typeof EnrolmentListSchema>;

export const EnrolPersonRequestSchema = z.strictObject({ personId: z.uuid(says('personRequired')) });

/** What an organizer may set: check-in (attended), absent, withdrawn, or back to enrolled. */
export const ChangeEnrolmentStatusRequestSchema = z.strictObject({
  status: z.enum(['enrolled', 'attended', 'absent', 'withdrawn']),
});

export const ImportRowErrorSchema = z.object({
  /** Line in the file as a spreadsheet shows it (the header is line 1). */
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportRowSchema = PersonFieldsSchema.extend({ line: z.number().int() });

export const ImportPreviewSchema = z.object({
  /** Rows that can be imported, as they will be. */
  valid: z.array(PersonFieldsSchema.extend({ line: z.number().int(), alreadyEnrolled: z.boolean() })),
  /** Every problem of every bad row; bad rows are not imported. */
  errors: z.array(ImportRowErrorSchema),
  totalRows: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportConfirmRequestSchema = z.strictObject({
  rows: z.array(PersonFieldsSchema.extend({ line: z.number().int() })).min(1, says('noRowsToImport')).max(2000),
});

export const ImportResultSchema = z.object({
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  alreadyEnrolled: z.number().int(),
  newPeople: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
