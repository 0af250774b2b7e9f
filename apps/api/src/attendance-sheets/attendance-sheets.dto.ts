import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AttendanceSheetParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' }) })) {}
