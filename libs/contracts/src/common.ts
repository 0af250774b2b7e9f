import { z } from 'zod';

export const UuidSchema = z.uuid();
export const InstantSchema = z.iso.datetime({ offset: true, message: 'วันเวลาต้องอยู่ในรูปแบบ ISO 8601' });
/** Buddhist Era fiscal year, bounded to what a plan can plausibly cover. */
export const FiscalYearSchema = z.coerce
  .number()
  .int()
  .min(2500, { message: 'ปีงบประมาณต้องเป็นปี พ.ศ.' })
  .max(2700, { message: 'ปีงบประมาณต้องเป็นปี พ.ศ.' });
