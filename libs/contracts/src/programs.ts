import { z } from 'zod';
import { says, saysWhenMissing, type ValidationMessageKey } from './messages';
import { FiscalYearSchema, hasVisibleCharacter } from './common';

export const INDICATOR_BASES = ['pass_rate', 'mean_post_score'] as const;

/**
 * Who earns a certificate (เกียรติบัตร) of a session: everyone who attended it, or only those who attended and whose
 * counting post-test of that session reached the year's pass mark.
 */
export const CERTIFICATE_CRITERIA = ['attended', 'attended_and_passed'] as const;
export type CertificateCriterion = (typeof CERTIFICATE_CRITERIA)[number];

/** The indicator settings a new program year starts with unless the organizer says otherwise (the plan's). */
export const DEFAULT_PASS_MARK_PERCENT = 60;
export const DEFAULT_TARGET_PASS_RATE_PERCENT = 80;

export const ProgramYearSettingsSchema = z.object({
  fiscalYear: z.number().int(),
  targetHeadcount: z.number().int(),
  sessionsRequired: z.number().int(),
  budgetBaht: z.number(),
  passMarkPercent: z.number(),
  targetPassRatePercent: z.number(),
  indicatorBasis: z.enum(INDICATOR_BASES),
  certificateCriterion: z.enum(CERTIFICATE_CRITERIA),
});
export type ProgramYearSettings = z.infer<typeof ProgramYearSettingsSchema>;

export const ProgramSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  audience: z.string(),
  /** The unit responsible in the listed year: the year's own, else the program's. */
  ownerUnit: z.string(),
  description: z.string(),
  /** When the program was archived; null while it is in use. */
  archivedAt: z.string().nullable(),
  year: ProgramYearSettingsSchema.nullable(),
  progress: z.object({
    /** Distinct people who attended a session of the year (each counts once). */
    attended: z.number().int(),
    /** Distinct people with a seat (enrolled, attended or absent). */
    enrolled: z.number().int(),
    /** Distinct people waiting for a seat and holding none. */
    waitlisted: z.number().int(),
    sessionsScheduled: z.number().int(),
    sessionsHeld: z.number().int(),
  }),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const ProgramListSchema = z.object({
  fiscalYear: z.number().int(),
  programs: z.array(ProgramSummarySchema),
  /** Archived programs of the organization, listed or not: the page offers to show them. */
  archivedCount: z.number().int(),
});
export type ProgramList = z.infer<typeof ProgramListSchema>;

/** `?fiscalYear=2569&includeArchived=true`: archived programs are left out unless asked for. */
export const ProgramListQuerySchema = z.strictObject({
  fiscalYear: FiscalYearSchema.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

/** Longest text each program field takes; the form shows them before anyone runs into them. */
export const PROGRAM_FIELD_LIMITS = { code: 20, name: 300, audience: 300, ownerUnit: 200, description: 2000, objectives: 2000 } as const;

/**
 * Control characters (NUL among them: PostgreSQL refuses it in text) and halves of a surrogate pair; tab and
 * line breaks only where several lines are allowed. One pass over the text.
 */
function hasUnprintable(value: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return true;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

const requiredText = (required: ValidationMessageKey, max: number) =>
  z
    .string(saysWhenMissing(required))
    .trim()
    .min(1, says(required))
    .max(max)
    .refine(hasVisibleCharacter, says(required))
    .refine((v) => !hasUnprintable(v, false), says('oneLineCharacters'));

/** Letters (Thai too), digits and . - / _ with no spaces, as plans number their items (1.1.1, ก.2/1). */
const PROGRAM_CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._/-]*$/u;

export const ProgramDetailsRequestSchema = z.strictObject({
  code: requiredText('programCodeRequired', PROGRAM_FIELD_LIMITS.code).regex(PROGRAM_CODE_PATTERN, says('programCodeFormat')),
  name: requiredText('programNameRequired', PROGRAM_FIELD_LIMITS.name),
  audience: requiredText('audienceRequired', PROGRAM_FIELD_LIMITS.audience),
  ownerUnit: requiredText('ownerUnitRequired', PROGRAM_FIELD_LIMITS.ownerUnit),
  description: z
    .string()
    .trim()
    .max(PROGRAM_FIELD_LIMITS.description)
    .refine((v) => !hasUnprintable(v, true), says('textCharacters'))
    .default(''),
  /** วัตถุประสงค์, one a line: printed in the program's report. */
  objectives: z
    .string()
    .trim()
    .max(PROGRAM_FIELD_LIMITS.objectives)
    .refine((v) => !hasUnprintable(v, true), says('textCharacters'))
    .default(''),
});
/** A program's own details, replaced whole (the form always sends every field). */
export type ProgramDetailsRequest = z.infer<typeof ProgramDetailsRequestSchema>;

const percent = () => z.number().min(0).max(100);

/** A year's target, sessions, budget and indicator rule: what the yearly settings and a new program both ask. */
export const ProgramYearTargetsSchema = z.strictObject({
  targetHeadcount: z
    .number()
    .int()
    .min(0)
    .max(100000),
  sessionsRequired: z
    .number()
    .int()
    .min(0)
    .max(100),
  budgetBaht: z
    .number()
    .min(0)
    .max(10_000_000_000)
    .refine((v) => Math.round(v * 100) === v * 100, says('moneyTwoDecimals')),
  passMarkPercent: percent(),
  targetPassRatePercent: percent(),
  indicatorBasis: z.enum(INDICATOR_BASES, says('indicatorBasisRequired')),
  /** Left out, the year keeps its criterion (a new year: attended). */
  certificateCriterion: z.enum(CERTIFICATE_CRITERIA, says('certificateCriterionRequired')).optional(),
});

/** A new program's first year: the fiscal year it starts in, with the plan's indicator defaults. */
export const NewProgramYearSchema = ProgramYearTargetsSchema.extend({
  fiscalYear: FiscalYearSchema,
  passMarkPercent: percent().default(DEFAULT_PASS_MARK_PERCENT),
  targetPassRatePercent: percent().default(DEFAULT_TARGET_PASS_RATE_PERCENT),
  indicatorBasis: z.enum(INDICATOR_BASES, says('indicatorBasisRequired')).default('pass_rate'),
});

export const CreateProgramRequestSchema = ProgramDetailsRequestSchema.extend({
  /** Its settings for one fiscal year (the form sends the year on screen); left out, the program has none yet. */
  year: NewProgramYearSchema.optional(),
});
export type CreateProgramRequest = z.infer<typeof CreateProgramRequestSchema>;

/** One program as its details form and the archive show it. */
export const ProgramDetailsSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  audience: z.string(),
  /** The program's own unit; each year may name another (units are reorganized between years). */
  ownerUnit: z.string(),
  description: z.string(),
  /** วัตถุประสงค์, one a line. */
  objectives: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Sessions of every year and status: a program with any can be archived but never deleted. */
  sessionCount: z.number().int(),
  /** Questions in its bank (archived versions left out): deleting the program deletes them too. */
  questionCount: z.number().int(),
});
export type ProgramDetails = z.infer<typeof ProgramDetailsSchema>;

/** A starting set of programs (with their yearly targets and question banks) an organization may apply. */
export const ProgramTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  fiscalYears: z.array(z.number().int()),
  programs: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      audience: z.string(),
      ownerUnit: z.string(),
      /** Scored questions of its bank. */
      questionCount: z.number().int(),
      /** Likert items: the satisfaction survey and any follow-up survey. */
      surveyItemCount: z.number().int(),
    }),
  ),
});
export type ProgramTemplate = z.infer<typeof ProgramTemplateSchema>;

export const ProgramTemplateListSchema = z.object({ templates: z.array(ProgramTemplateSchema) });
export type ProgramTemplateList = z.infer<typeof ProgramTemplateListSchema>;

export const ApplyProgramTemplateResultSchema = z.object({
  templateId: z.string(),
  /** Codes of the programs made now, with their years and banks. */
  created: z.array(z.string()),
  /** Codes the organization already had (archived ones too): left exactly as they were. */
  skipped: z.array(z.string()),
});
export type ApplyProgramTemplateResult = z.infer<typeof ApplyProgramTemplateResultSchema>;
