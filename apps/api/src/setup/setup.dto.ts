import { CurrentUserSchema, SetupRequestSchema, SetupStatusSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class SetupStatusDto extends createZodDto(SetupStatusSchema) {}
export class SetupRequestDto extends createZodDto(SetupRequestSchema) {}
export class SetupResultDto extends createZodDto(CurrentUserSchema) {}
