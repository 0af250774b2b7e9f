import {
  AddExpenseRequestSchema,
  ChangeSessionStatusRequestSchema,
  UpdateSessionRequestSchema,
  AttendeeListSchema,
  SessionLiveSchema,
  CreateSessionRequestSchema,
  FiscalYearSchema,
  JoinAddressSchema,
  SessionListSchema,
  SessionSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateSessionRequestDto extends createZodDto(CreateSessionRequestSchema) {}
export class SessionDto extends createZodDto(SessionSchema) {}
export class SessionListDto extends createZodDto(SessionListSchema) {}
export class AttendeeListDto extends createZodDto(AttendeeListSchema) {}
export class SessionLiveDto extends createZodDto(SessionLiveSchema) {}
export class SessionListQueryDto extends createZodDto(
  z.strictObject({ programId: z.uuid().optional(), fiscalYear: FiscalYearSchema.optional() }),
) {}
export class SessionIdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' }) })) {}
export class AddExpenseRequestDto extends createZodDto(AddExpenseRequestSchema) {}
export class ExpenseParamDto extends createZodDto(
  z.strictObject({
    id: z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' }),
    expenseId: z.uuid({ message: 'รหัสรายการค่าใช้จ่ายไม่ถูกต้อง' }),
  }),
) {}
export class UpdateSessionRequestDto extends createZodDto(UpdateSessionRequestSchema) {}
export class ChangeSessionStatusRequestDto extends createZodDto(ChangeSessionStatusRequestSchema) {}
export class JoinAddressDto extends createZodDto(JoinAddressSchema) {}
