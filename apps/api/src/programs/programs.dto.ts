import {
  ApplyProgramTemplateResultSchema,
  CreateProgramRequestSchema,
  FiscalYearSchema,
  ProgramDetailsRequestSchema,
  ProgramDetailsSchema,
  ProgramListQuerySchema,
  ProgramListSchema,
  ProgramTemplateListSchema,
  ProgramYearSchema,
  UpdateProgramYearRequestSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const programId = z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' });

export class ProgramListDto extends createZodDto(ProgramListSchema) {}
export class ProgramListQueryDto extends createZodDto(ProgramListQuerySchema) {}
export class ProgramYearDto extends createZodDto(ProgramYearSchema) {}
export class UpdateProgramYearRequestDto extends createZodDto(UpdateProgramYearRequestSchema) {}
export class ProgramYearParamDto extends createZodDto(z.strictObject({ programId, fiscalYear: FiscalYearSchema })) {}
export class ProgramParamDto extends createZodDto(z.strictObject({ programId })) {}
export class CreateProgramRequestDto extends createZodDto(CreateProgramRequestSchema) {}
export class ProgramDetailsRequestDto extends createZodDto(ProgramDetailsRequestSchema) {}
export class ProgramDetailsDto extends createZodDto(ProgramDetailsSchema) {}
export class ProgramTemplateListDto extends createZodDto(ProgramTemplateListSchema) {}
export class ApplyProgramTemplateResultDto extends createZodDto(ApplyProgramTemplateResultSchema) {}
export class TemplateParamDto extends createZodDto(
  z.strictObject({ templateId: z.string().max(100, { message: 'ไม่พบแม่แบบโครงการนี้' }) }),
) {}
