import { CertificateVerificationSchema, SessionCertificatesSchema, WithdrawCertificateRequestSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const sessionId = z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' });
const personId = z.uuid({ message: 'รหัสผู้เข้าอบรมไม่ถูกต้อง' });

export class SessionCertificatesParamDto extends createZodDto(z.strictObject({ id: sessionId })) {}
export class PersonCertificateParamDto extends createZodDto(z.strictObject({ id: sessionId, personId })) {}
// Any text up to a length: a code of the wrong shape is simply not found (404), like an unknown one.
export class CertificateCodeParamDto extends createZodDto(
  z.strictObject({ code: z.string().max(64, { message: 'รหัสเกียรติบัตรไม่ถูกต้อง' }) }),
) {}
export class SessionCertificatesDto extends createZodDto(SessionCertificatesSchema) {}
export class CertificateVerificationDto extends createZodDto(CertificateVerificationSchema) {}
export class WithdrawCertificateRequestDto extends createZodDto(WithdrawCertificateRequestSchema) {}
