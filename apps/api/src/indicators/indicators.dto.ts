import { FiscalYearSchema, IndicatorListSchema, IndicatorTrendSchema, PersonAttemptsSchema, ProgramYearResultsSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const programId = z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' });
const personId = z.uuid({ message: 'รหัสผู้เข้าอบรมไม่ถูกต้อง' });

export class IndicatorListDto extends createZodDto(IndicatorListSchema) {}
export class ProgramYearResultsDto extends createZodDto(ProgramYearResultsSchema) {}
export class PersonAttemptsDto extends createZodDto(PersonAttemptsSchema) {}
export class IndicatorTrendDto extends createZodDto(IndicatorTrendSchema) {}

export class ProgramYearResultsParamDto extends createZodDto(z.strictObject({ programId, fiscalYear: FiscalYearSchema })) {}
export class PersonAttemptsParamDto extends createZodDto(z.strictObject({ programId, fiscalYear: FiscalYearSchema, personId })) {}

/** `?from=2566&to=2570` (Buddhist Era, at most 20 years); the organization's program-years when left out. */
export class IndicatorTrendQueryDto extends createZodDto(
  z
    .strictObject({ from: FiscalYearSchema.optional(), to: FiscalYearSchema.optional() })
    .refine((q) => q.from === undefined || q.to === undefined || (q.to >= q.from && q.to - q.from < 20), {
      message: 'ช่วงปีงบประมาณต้องเริ่มก่อนปีสุดท้าย และยาวไม่เกิน 20 ปี',
      path: ['to'],
    }),
) {}
