import {
  AccountLinkInfoSchema,
  CreateUserRequestSchema,
  InspectAccountLinkRequestSchema,
  RedeemAccountLinkRequestSchema,
  UpdateUserRequestSchema,
  UserListSchema,
  UserSchema,
  UserWithLinkSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class UserDto extends createZodDto(UserSchema) {}
export class UserListDto extends createZodDto(UserListSchema) {}
export class CreateUserRequestDto extends createZodDto(CreateUserRequestSchema) {}
export class UpdateUserRequestDto extends createZodDto(UpdateUserRequestSchema) {}
export class UserWithLinkDto extends createZodDto(UserWithLinkSchema) {}
export class UserIdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสผู้ใช้ไม่ถูกต้อง' }) })) {}
export class InspectAccountLinkRequestDto extends createZodDto(InspectAccountLinkRequestSchema) {}
export class AccountLinkInfoDto extends createZodDto(AccountLinkInfoSchema) {}
export class RedeemAccountLinkRequestDto extends createZodDto(RedeemAccountLinkRequestSchema) {}
