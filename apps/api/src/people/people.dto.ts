import {
  CreatePersonRequestSchema,
  CreatePersonResultSchema,
  DuplicatePeopleSchema,
  MergePeopleRequestSchema,
  MergePeopleResultSchema,
  PersonListSchema,
  PersonSchema,
  PersonSearchQuerySchema,
  UpdatePersonRequestSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreatePersonRequestDto extends createZodDto(CreatePersonRequestSchema) {}
export class CreatePersonResultDto extends createZodDto(CreatePersonResultSchema) {}
export class PersonDto extends createZodDto(PersonSchema) {}
export class PersonListDto extends createZodDto(PersonListSchema) {}
export class PersonSearchQueryDto extends createZodDto(PersonSearchQuerySchema) {}
export class PersonIdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสผู้เข้าอบรมไม่ถูกต้อง' }) })) {}
export class DuplicatePeopleDto extends createZodDto(DuplicatePeopleSchema) {}
export class MergePeopleRequestDto extends createZodDto(MergePeopleRequestSchema) {}
export class MergePeopleResultDto extends createZodDto(MergePeopleResultSchema) {}
export class UpdatePersonRequestDto extends createZodDto(UpdatePersonRequestSchema) {}
