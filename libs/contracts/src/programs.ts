import { z } from 'zod';

export const INDICATOR_BASES = ['pass_rate', 'mean_post_score'] as const;

export const ProgramYearSettingsSchema = z.object({
  fiscalYear: z.number().int(),
  targetHeadcount: z.number().int(),
  sessionsRequired: z.number().int(),
  budgetBaht: z.number(),
  passMarkPercent: z.number(),
  targetPassRatePercent: z.number(),
  indicatorBasis: z.enum(INDICATOR_BASES),
});
export type ProgramYearSettings = z.infer<typeof ProgramYearSettingsSchema>;

export const ProgramSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  audience: z.string(),
  ownerUnit: z.string(),
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
});
export type ProgramList = z.infer<typeof ProgramListSchema>;
