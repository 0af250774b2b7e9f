import { z } from 'zod';
import { says } from './messages';
import { hasVisibleCharacter, InstantSchema } from './common';
import { ExpenseSchema } from './plan';
import { ASSESSMENT_KINDS } from './trainee-values';

export const SESSION_STATUSES = ['draft', 'scheduled', 'open', 'completed', 'cancelled'] as const;
/** What the organizer set: not yet published, published, or closed by hand. */
export const ASSESSMENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
/**
 * What a trainee meets now, from the status and the window: `scheduled` is published but before its opening time;
 * `closed` is closed by hand or past its closing time.
 */
export const ASSESSMENT_STATES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** The longest text each session field takes: the schema checks it, the form shows it before anyone runs into it. */
export const SESSION_FIELD_LIMITS = { title: 200, venue: 200, speakerName: 120, speakerAffiliation: 200, notes: 2000 } as const;

export const SpeakerSchema = z.strictObject({
  name: z.string().trim().min(1, says('speakerNameRequired')).max(SESSION_FIELD_LIMITS.speakerName).refine(hasVisibleCharacter, says('speakerNameRequired')),
  affiliation: z.string().trim().max(SESSION_FIELD_LIMITS.speakerAffiliation).default(''),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

const title = z
  .string()
  .trim()
  .min(1, says('sessionTitleRequired'))
  .max(SESSION_FIELD_LIMITS.title)
  .refine(hasVisibleCharacter, says('sessionTitleRequired'));
const venue = z.string().trim().min(1, says('venueRequired')).max(SESSION_FIELD_LIMITS.venue).refine(hasVisibleCharacter, says('venueRequired'));
const capacity = z
  .number()
  .int()
  .min(1)
  .max(5000);
const speakers = z.array(SpeakerSchema).max(20);
const notes = z.string().trim().max(SESSION_FIELD_LIMITS.notes);
const endsAfterStart = {
  check: (s: { startsAt?: string; endsAt?: string }) =>
    s.startsAt === undefined || s.endsAt === undefined || Date.parse(s.endsAt) > Date.parse(s.startsAt),
  error: { ...says('endsAfterStart'), path: ['endsAt'] },
};

export const CreateSessionRequestSchema = z
  .strictObject({
    programId: z.uuid(says('programRequired')),
    title,
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    venue,
    capacity,
    speakers: speakers.default([]),
    notes: notes.default(''),
    /** Whether people not enrolled beforehand may register themselves by the join code. */
    allowWalkIns: z.boolean().default(true),
    /** People on the list check in from a phone with their name and a personal code printed on the list. */
    requireCheckInCode: z.boolean().default(false),
    /** A draft is not yet announced: nobody can join it. */
    status: z.enum(['draft', 'scheduled']).default('scheduled'),
  })
  .refine(endsAfterStart.check, endsAfterStart.error);
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;
export type CreateSessionInput = z.input<typeof CreateSessionRequestSchema>;

/** Only the fields sent change. The program cannot change: create a session in the other program instead. */
export const UpdateSessionRequestSchema = z
  .strictObject({
    title: title.optional(),
    startsAt: InstantSchema.optional(),
    endsAt: InstantSchema.optional(),
    venue: venue.optional(),
    capacity: capacity.optional(),
    speakers: speakers.optional(),
    notes: notes.optional(),
    allowWalkIns: z.boolean().optional(),
    requireCheckInCode: z.boolean().optional(),
  })
  .refine(endsAfterStart.check, endsAfterStart.error);
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequestSchema>;

export const ChangeSessionStatusRequestSchema = z.strictObject({
  status: z.enum(SESSION_STATUSES),
});

/** Which status may follow which: completed and cancelled are final. */
export const SESSION_STATUS_TRANSITIONS: Record<(typeof SESSION_STATUSES)[number], readonly (typeof SESSION_STATUSES)[number][]> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'open', 'cancelled'],
  open: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const OverlappingSessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export const AssessmentSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  state: z.enum(ASSESSMENT_STATES),
  questionCount: z.number().int(),
  startedCount: z.number().int(),
  submittedCount: z.number().int(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
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
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string() })),
  notes: z.string(),
  allowWalkIns: z.boolean(),
  requireCheckInCode: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  joinCode: z.string(),
  /** Path of the trainee's join page, relative to the app's origin. */
  joinPath: z.string(),
  attendedCount: z.number().int(),
  assessments: z.array(AssessmentSummarySchema),
  /** Money spent on this session, item by item; their sum counts against the program's yearly budget. */
  expenses: z.array(ExpenseSchema),
  spentBaht: z.number(),
  /** Other sessions at the same venue whose times overlap this one's (a warning, not an error). */
  overlaps: z.array(OverlappingSessionSchema),
});
export type Session = z.infer<typeof SessionSchema>;

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

/**
 * What the projector shows while a session runs (GET /api/sessions/:id/live, polled every two seconds): the join
 * code, how many have checked in (enrolments marked attended), and each test's state with how many people have
 * started it and how many have handed it in (or run out of time), as the session page counts them.
 */
export const SessionLiveSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  joinCode: z.string(),
  joinPath: z.string(),
  capacity: z.number().int(),
  checkedInCount: z.number().int(),
  assessments: z.array(AssessmentSummarySchema),
});
export type SessionLive = z.infer<typeof SessionLiveSchema>;

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

/**
 * Where phones reach the app: `publicUrl` is PUBLIC_URL (absolute, no trailing slash) or null when unset;
 * `lanUrls` are the server's own IPv4 addresses on its networks with its port, for a hall on one Wi-Fi.
 */
export const JoinAddressSchema = z.object({
  publicUrl: z.string().nullable(),
  lanUrls: z.array(z.string()),
});
export type JoinAddress = z.infer<typeof JoinAddressSchema>;
