import { CreatePersonRequestSchema, CreatePersonResultSchema, PersonListSchema, PersonSchema, PersonSearchQuerySchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreatePersonRequestDto extends createZodDto(CreatePersonRequestSchema) {}
export class CreatePersonResultDto extends createZodDto(CreatePersonResultSchema) {}
export class PersonDto extends createZodDto(PersonSchema) {}
export class PersonListDto extends createZodDto(PersonListSchema) {}
export class PersonSearchQueryDto extends createZodDto(PersonSearchQuerySchema) {}
export class PersonIdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสผู้เข้าอบรมไม่ถูกต้อง' }) })) {}
