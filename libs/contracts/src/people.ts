import { z } from 'zod';
import { says } from './messages';
import { hasVisibleCharacter } from './common';
import { AGE_BANDS, MINOR_AGE_BANDS, PERSON_GROUPS, type AgeBand } from './trainee-values';

/** Empty text is stored as null (no transform here: OpenAPI must describe these schemas). */
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** The longest text each person field takes: the schema checks it, the form shows it. */
export const PERSON_FIELD_LIMITS = { fullName: 120, school: 200, guardianName: 120 } as const;

export const PersonFieldsSchema = z.strictObject({
  fullName: z
    .string()
    .trim()
    .min(2, says('fullNameRequired'))
    .max(PERSON_FIELD_LIMITS.fullName)
    .refine(hasVisibleCharacter, says('fullNameRequired')),
  group: z.enum(PERSON_GROUPS, says('personGroupInvalid')),
  /** หมู่ที่: the village number within the sub-district. */
  village: z
    .number()
    .int()
    .min(1)
    .max(50)
    .nullable()
    .default(null),
  school: optionalText(PERSON_FIELD_LIMITS.school),
  ageBand: z.enum(AGE_BANDS).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^(0\d{8,9})?$/, says('phoneFormat'))
    .nullable()
    .default(null),
  /** Who gave consent for a minor: required when the age band is below 20. */
  guardianName: optionalText(PERSON_FIELD_LIMITS.guardianName),
});

const needsGuardian = {
  check: (p: { ageBand: AgeBand | null; guardianName: string | null }) =>
    p.ageBand === null || !MINOR_AGE_BANDS.includes(p.ageBand) || Boolean(p.guardianName),
  error: { ...says('guardianRequired'), path: ['guardianName'] },
};
const schoolOnlyForYouth = {
  check: (p: { group: string; school: string | null; ageBand: AgeBand | null }) =>
    p.group === 'youth' || (!p.school && p.ageBand === null),
  error: { ...says('youthOnlyFields'), path: ['school'] },
};

export const CreatePersonRequestSchema = PersonFieldsSchema.refine(needsGuardian.check, needsGuardian.error).refine(
  schoolOnlyForYouth.check,
  schoolOnlyForYouth.error,
);
export type CreatePersonRequest = z.infer<typeof CreatePersonRequestSchema>;
export type CreatePersonInput = z.input<typeof CreatePersonRequestSchema>;

/** An edit of a person's details: the whole record again, with the same rules as adding one. */
export const UpdatePersonRequestSchema = CreatePersonRequestSchema;
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequestSchema>;
export type UpdatePersonInput = z.input<typeof UpdatePersonRequestSchema>;

export const PersonSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  group: z.enum(PERSON_GROUPS),
  village: z.number().int().nullable(),
  school: z.string().nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  phone: z.string().nullable(),
  minor: z.boolean(),
  guardianConsent: z.object({ guardianName: z.string(), recordedAt: z.string() }).nullable(),
  erased: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export const CreatePersonResultSchema = z.object({
  person: PersonSchema,
  /** People already in the registry with the same normalized name, group and village. */
  possibleDuplicates: z.array(PersonSchema),
});

export const PersonListSchema = z.object({ people: z.array(PersonSchema), total: z.number().int() });
export type PersonList = z.infer<typeof PersonListSchema>;

export const PersonSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(120).optional(),
  group: z.enum(PERSON_GROUPS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A person of a possible-duplicate group, with what merging would move. */
export const DuplicateCandidateSchema = PersonSchema.extend({
  enrolments: z.number().int().describe('Enrolments of this person, in any session and status.'),
  attempts: z.number().int().describe('Test and survey attempts of this person, started or submitted.'),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;

/** People not erased whose names have the same Thai name key (thaiNameKey): likely one person entered twice. */
export const DuplicatePeopleSchema = z.object({
  groups: z.array(z.object({ people: z.array(DuplicateCandidateSchema).min(2) })),
});
export type DuplicatePeople = z.infer<typeof DuplicatePeopleSchema>;

export const MergePeopleRequestSchema = z.strictObject({
  /** The registry entry that stays: its details win, the others' fill only what it lacks. */
  keepId: z.uuid(),
  /** The entries merged into it and then removed. */
  mergeIds: z
    .array(z.uuid())
    .min(1)
    .max(20),
});
export type MergePeopleRequest = z.infer<typeof MergePeopleRequestSchema>;

export const MergePeopleResultSchema = z.object({
  person: PersonSchema,
  /** Enrolments that now belong to the kept person. */
  movedEnrolments: z.number().int(),
  /** Enrolments in a session where the kept person was enrolled too: folded into the kept person's own. */
  combinedEnrolments: z.number().int(),
});
export type MergePeopleResult = z.infer<typeof MergePeopleResultSchema>;
