import {
  ChangeEnrolmentStatusRequestSchema,
  EnrolmentListSchema,
  EnrolPersonRequestSchema,
  ImportConfirmRequestSchema,
  ImportPreviewSchema,
  ImportResultSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class EnrolmentListDto extends createZodDto(EnrolmentListSchema) {}
export class EnrolPersonRequestDto extends createZodDto(EnrolPersonRequestSchema) {}
export class ChangeEnrolmentStatusRequestDto extends createZodDto(ChangeEnrolmentStatusRequestSchema) {}
export class ImportPreviewDto extends createZodDto(ImportPreviewSchema) {}
export class ImportConfirmRequestDto extends createZodDto(ImportConfirmRequestSchema) {}
export class ImportResultDto extends createZodDto(ImportResultSchema) {}
export class SessionParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' }) })) {}
export class EnrolmentParamDto extends createZodDto(z.strictObject({ enrolmentId: z.uuid({ message: 'รหัสการลงทะเบียนไม่ถูกต้อง' }) })) {}
