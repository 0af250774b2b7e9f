import { FiscalYearSchema, PlanQuerySchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ProgramReportParamDto extends createZodDto(
  z.strictObject({ programId: z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' }), fiscalYear: FiscalYearSchema }),
) {}

/** `?from=2566&to=2570` (Buddhist Era); without them, the years the organization has settings for. */
export class PlanReportQueryDto extends createZodDto(PlanQuerySchema) {}
