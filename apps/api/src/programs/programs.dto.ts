import { FiscalYearSchema, ProgramListSchema, ProgramYearSchema, UpdateProgramYearRequestSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ProgramListDto extends createZodDto(ProgramListSchema) {}
export class ProgramYearDto extends createZodDto(ProgramYearSchema) {}
export class UpdateProgramYearRequestDto extends createZodDto(UpdateProgramYearRequestSchema) {}
export class ProgramYearParamDto extends createZodDto(
  z.strictObject({ programId: z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' }), fiscalYear: FiscalYearSchema }),
) {}
