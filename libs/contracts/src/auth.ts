import { z } from 'zod';

export const ROLES = ['admin', 'organizer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email({ message: 'กรุณากรอกอีเมลให้ถูกต้อง' }).max(200),
  password: z.string().min(1, { message: 'กรุณากรอกรหัสผ่าน' }).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const CurrentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organization: z.object({ id: z.uuid(), name: z.string() }),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;
