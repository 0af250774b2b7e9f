import { FiscalYearSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `?fiscalYear=2569` (Buddhist Era); the current fiscal year when left out. */
export class FiscalYearQueryDto extends createZodDto(z.strictObject({ fiscalYear: FiscalYearSchema.optional() })) {}
