import { IndicatorListSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class IndicatorListDto extends createZodDto(IndicatorListSchema) {}
