import { ExportFormatQuerySchema, ExportProgramYearQuerySchema, ExportSessionsQuerySchema, ExportYearQuerySchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ExportFormatQueryDto extends createZodDto(ExportFormatQuerySchema) {}
export class ExportYearQueryDto extends createZodDto(ExportYearQuerySchema) {}
export class ExportSessionsQueryDto extends createZodDto(ExportSessionsQuerySchema) {}
export class ExportProgramYearQueryDto extends createZodDto(ExportProgramYearQuerySchema) {}
export class ExportAssessmentParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสแบบทดสอบไม่ถูกต้อง' }) })) {}
