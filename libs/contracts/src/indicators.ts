import { z } from 'zod';
import { INDICATOR_BASES } from './programs';

export const ProgramIndicatorSchema = z.object({
  programId: z.uuid(),
  programCode: z.string(),
  programName: z.string(),
  fiscalYear: z.number().int(),
  attended: z.number().int(),
  targetHeadcount: z.number().int(),
  headcountPercent: z.number().nullable(),
  sessionsHeld: z.number().int(),
  sessionsRequired: z.number().int(),
  preTestTaken: z.number().int(),
  postTestTaken: z.number().int(),
  meanPrePercent: z.number().nullable(),
  meanPostPercent: z.number().nullable(),
  passMarkPercent: z.number(),
  passed: z.number().int(),
  notPassed: z.number().int(),
  missingPostTest: z.number().int(),
  passRatePercent: z.number().nullable(),
  targetPassRatePercent: z.number(),
  indicatorBasis: z.enum(INDICATOR_BASES),
  indicatorMet: z.boolean(),
});
export type ProgramIndicatorView = z.infer<typeof ProgramIndicatorSchema>;

export const IndicatorListSchema = z.object({
  fiscalYear: z.number().int(),
  programs: z.array(ProgramIndicatorSchema),
});
export type IndicatorList = z.infer<typeof IndicatorListSchema>;
