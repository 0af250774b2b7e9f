import { z } from 'zod';
import { InstantSchema } from './common';
import { ExpenseSchema } from './plan';

export const SESSION_STATUSES = ['draft', 'scheduled', 'open', 'completed', 'cancelled'] as const;
export const ASSESSMENT_KINDS = ['pre_test', 'post_test'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const CreateSessionRequestSchema = z
  .strictObject({
    programId: z.uuid({ message: 'กรุณาเลือกโครงการ' }),
    title: z.string().trim().min(1, { message: 'กรุณากรอกชื่อรุ่น/ครั้งที่' }).max(200),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    venue: z.string().trim().min(1, { message: 'กรุณากรอกสถานที่' }).max(200),
    capacity: z
      .number({ message: 'จำนวนที่นั่งต้องเป็นตัวเลข' })
      .int({ message: 'จำนวนที่นั่งต้องเป็นจำนวนเต็ม' })
      .min(1, { message: 'จำนวนที่นั่งต้องมีอย่างน้อย 1' })
      .max(5000, { message: 'จำนวนที่นั่งต้องไม่เกิน 5000' }),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม',
    path: ['endsAt'],
  });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;

export const AssessmentSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  questionCount: z.number().int(),
  submittedCount: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const SessionSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programCode: z.string(),
  programName: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  capacity: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  joinCode: z.string(),
  /** Path of the trainee's join page, relative to the app's origin. */
  joinPath: z.string(),
  attendedCount: z.number().int(),
  assessments: z.array(AssessmentSummarySchema),
  /** Money spent on this session, item by item; their sum counts against the program's yearly budget. */
  expenses: z.array(ExpenseSchema),
  spentBaht: z.number(),
});
export type Session = z.infer<typeof SessionSchema>;

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const AttendeeSchema = z.object({
  enrolmentId: z.uuid(),
  fullName: z.string(),
  group: z.string(),
  checkedInAt: z.string().nullable(),
  prePercent: z.number().nullable(),
  postPercent: z.number().nullable(),
});
export const AttendeeListSchema = z.object({ attendees: z.array(AttendeeSchema) });
export type AttendeeList = z.infer<typeof AttendeeListSchema>;
