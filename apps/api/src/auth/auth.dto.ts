import { ChangePasswordRequestSchema, CurrentUserSchema, LoginRequestSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';

export class LoginRequestDto extends createZodDto(LoginRequestSchema) {}
export class CurrentUserDto extends createZodDto(CurrentUserSchema) {}
export class ChangePasswordRequestDto extends createZodDto(ChangePasswordRequestSchema) {}
