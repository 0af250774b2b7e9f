import { CopyYearRequestSchema, CopyYearResultSchema, PlanQuerySchema, PlanSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class PlanDto extends createZodDto(PlanSchema) {}
export class PlanQueryDto extends createZodDto(PlanQuerySchema) {}
export class CopyYearRequestDto extends createZodDto(CopyYearRequestSchema) {}
export class CopyYearResultDto extends createZodDto(CopyYearResultSchema) {}
