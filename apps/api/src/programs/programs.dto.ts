import { ProgramListSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class ProgramListDto extends createZodDto(ProgramListSchema) {}
