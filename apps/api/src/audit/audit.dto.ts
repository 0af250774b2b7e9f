import { AuditEventPageSchema, AuditEventQuerySchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class AuditEventQueryDto extends createZodDto(AuditEventQuerySchema) {}
export class AuditEventPageDto extends createZodDto(AuditEventPageSchema) {}
