import { z } from 'zod';
import { INDICATOR_BASES } from './programs';

export const INDICATOR_STATUSES = ['no_data', 'met', 'not_met'] as const;

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
  meanPrePercent: z
    .number()
    .nullable()
    .describe('Unpaired: mean pre-test percent over every attendee who took a pre-test, whether or not they took the post-test.'),
  meanPostPercent: z
    .number()
    .nullable()
    .describe('Unpaired: mean post-test percent over every attendee who took a post-test; not comparable with meanPrePercent.'),
  pairedCount: z.number().int().describe('Attendees who took both the pre-test and the post-test: the people of the paired means and gains.'),
  pairedMeanPrePercent: z.number().nullable().describe('Mean pre-test percent of the paired attendees; null when nobody is paired.'),
  pairedMeanPostPercent: z.number().nullable().describe('Mean post-test percent of the paired attendees; null when nobody is paired.'),
  meanGainPoints: z.number().nullable().describe('Mean of post − pre (percentage points) over the paired attendees.'),
  meanNormalizedGain: z
    .number()
    .nullable()
    .describe('Mean of each paired attendee’s normalized gain (post − pre) / (100 − pre), over those with a pre-test below 100.'),
  normalizedGainCount: z.number().int().describe('How many attendees meanNormalizedGain is over: the paired ones less those with a pre-test of 100.'),
  hakeGain: z
    .number()
    .nullable()
    .describe("Hake's g: (paired mean post − paired mean pre) / (100 − paired mean pre); null when nobody is paired or that mean pre is 100."),
  passMarkPercent: z.number(),
  passed: z.number().int(),
  notPassed: z.number().int(),
  missingPostTest: z.number().int(),
  passRatePercent: z.number().nullable(),
  targetPassRatePercent: z.number(),
  indicatorBasis: z.enum(INDICATOR_BASES),
  indicatorMet: z.boolean(),
  indicatorStatus: z
    .enum(INDICATOR_STATUSES)
    .describe("'no_data' while nobody has attended the program-year (nothing to judge), else 'met' or 'not_met'."),
});
export type ProgramIndicatorView = z.infer<typeof ProgramIndicatorSchema>;

export const IndicatorListSchema = z.object({
  fiscalYear: z.number().int(),
  programs: z.array(ProgramIndicatorSchema),
});
export type IndicatorList = z.infer<typeof IndicatorListSchema>;
