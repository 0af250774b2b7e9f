import { z } from 'zod';
import { says } from './messages';

export const ROLES = ['admin', 'organizer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email(says('emailInvalid')).max(200),
  password: z.string().min(1, says('passwordRequired')).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const CurrentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  /** A demo account (or one an admin flagged) must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

/** At least 12 characters (OWASP ASVS 2.1.1); the server also refuses the commonest passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, says('passwordTooShort'))
  .max(PASSWORD_MAX_LENGTH);

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, says('currentPasswordRequired')).max(PASSWORD_MAX_LENGTH),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
