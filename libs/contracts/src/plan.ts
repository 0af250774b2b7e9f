import { z } from 'zod';
import { says, saysWhenMissing } from './messages';
import { FiscalYearSchema, hasVisibleCharacter } from './common';
import { ProgramYearSettingsSchema, ProgramYearTargetsSchema } from './programs';

/** A program's settings for one fiscal year, replaced whole (the form always sends every field). */
export const UpdateProgramYearRequestSchema = ProgramYearTargetsSchema.extend({
  ownerUnit: z
    .string(saysWhenMissing('responsibleUnitRequired'))
    .trim()
    .min(1, says('responsibleUnitRequired'))
    .max(200)
    .refine(hasVisibleCharacter, says('responsibleUnitRequired')),
});
export type UpdateProgramYearRequest = z.infer<typeof UpdateProgramYearRequestSchema>;

export const ProgramYearSchema = ProgramYearSettingsSchema.extend({
  programId: z.uuid(),
  ownerUnit: z.string(),
});
export type ProgramYear = z.infer<typeof ProgramYearSchema>;

/** Copies every program's settings of one fiscal year to another (by default the next one). */
export const CopyYearRequestSchema = z.strictObject({
  fromFiscalYear: FiscalYearSchema,
  toFiscalYear: FiscalYearSchema.optional(),
  /** Replace settings the target year already has; otherwise they are kept and reported as skipped. */
  overwrite: z.boolean().default(false),
});
export type CopyYearRequest = z.input<typeof CopyYearRequestSchema>;

export const CopyYearResultSchema = z.object({
  fromFiscalYear: z.number().int(),
  toFiscalYear: z.number().int(),
  /** Program codes whose settings were written. */
  copied: z.array(z.string()),
  /** Program codes left as they were: the target year had settings and overwrite was off. */
  skipped: z.array(z.string()),
});
export type CopyYearResult = z.infer<typeof CopyYearResultSchema>;

export const PlanYearSchema = z.object({
  fiscalYear: z.number().int(),
  /** False when the program has no settings for this year: figures are then zero. */
  configured: z.boolean(),
  targetHeadcount: z.number().int(),
  attended: z.number().int(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  sessionsHeld: z.number().int(),
  sessionsRequired: z.number().int(),
  spentBaht: z.number(),
  budgetBaht: z.number(),
});

export const PlanSchema = z.object({
  fromFiscalYear: z.number().int(),
  toFiscalYear: z.number().int(),
  programs: z.array(
    z.object({ id: z.uuid(), code: z.string(), name: z.string(), years: z.array(PlanYearSchema) }),
  ),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanQuerySchema = z
  .strictObject({ from: FiscalYearSchema.optional(), to: FiscalYearSchema.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, {
    ...says('planYearsOrder'),
    path: ['to'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from <= 20, {
    ...says('planYearsSpan'),
    path: ['to'],
  });

export const AddExpenseRequestSchema = z.strictObject({
  item: z.string().trim().min(1, says('expenseItemRequired')).max(200).refine(hasVisibleCharacter, says('expenseItemRequired')),
  amountBaht: z
    .number()
    .positive()
    .max(1_000_000_000)
    .refine((v) => Math.round(v * 100) === v * 100, says('moneyTwoDecimals')),
});
export type AddExpenseRequest = z.infer<typeof AddExpenseRequestSchema>;

export const ExpenseSchema = z.object({
  id: z.uuid(),
  item: z.string(),
  amountBaht: z.number(),
  createdAt: z.string(),
});
export type Expense = z.infer<typeof ExpenseSchema>;
