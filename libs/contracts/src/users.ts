import { z } from 'zod';
import { says } from './messages';
import { hasVisibleCharacter } from './common';
import { NewPasswordSchema, ROLES } from './auth';

/**
 * invited: has not set a password yet (the link is out); active: can sign in; deactivated: cannot sign in,
 * and an admin can reactivate them.
 */
export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What a one-time link is for: an invitation sets the first password, a reset a new one. */
export const ACCOUNT_LINK_PURPOSES = ['invite', 'reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ users: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** The longest text each account field takes: the schema checks it, the form shows it. */
export const USER_FIELD_LIMITS = { displayName: 120, email: 200, unit: 120 } as const;

const displayName = z
  .string()
  .trim()
  .min(2, says('fullNameRequired'))
  .max(USER_FIELD_LIMITS.displayName)
  .refine(hasVisibleCharacter, says('fullNameRequired'));
const unit = z.string().trim().max(USER_FIELD_LIMITS.unit).nullable();
const role = z.enum(ROLES, says('roleInvalid'));

export const CreateUserRequestSchema = z.strictObject({
  displayName,
  email: z.string().trim().toLowerCase().email(says('emailInvalid')).max(USER_FIELD_LIMITS.email),
  role,
  /** The unit (กอง/สำนัก) the person works in, e.g. สำนักปลัด. */
  unit: unit.default(null),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .strictObject({ displayName: displayName.optional(), role: role.optional(), unit: unit.optional() })
  .refine((body) => Object.keys(body).length > 0, says('nothingToChange'));
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

/**
 * A one-time link, shown once to the admin to pass on: only its hash is stored, so it cannot be shown again.
 * `url` is absolute when the server knows its public address (PUBLIC_URL), else a path the web app completes.
 */
export const AccountLinkSchema = z.object({
  purpose: z.enum(ACCOUNT_LINK_PURPOSES),
  url: z.string(),
  expiresAt: z.string(),
  /** Whether it was also mailed to the user (SMTP_URL set and the mail server took it). */
  mailed: z.boolean(),
});
export type AccountLink = z.infer<typeof AccountLinkSchema>;

export const UserWithLinkSchema = z.object({ user: UserSchema, link: AccountLinkSchema });
export type UserWithLink = z.infer<typeof UserWithLinkSchema>;

/** A link's secret travels in the body, never in a URL that proxies and logs keep. */
export const AccountLinkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, says('accountLinkInvalid'));

export const InspectAccountLinkRequestSchema = z.strictObject({ token: AccountLinkTokenSchema });

export const AccountLinkInfoSchema = z.object({
  purpose: z.enum(ACCOUNT_LINK_PURPOSES),
  email: z.string(),
  displayName: z.string(),
  organizationName: z.string(),
  expiresAt: z.string(),
});
export type AccountLinkInfo = z.infer<typeof AccountLinkInfoSchema>;

export const RedeemAccountLinkRequestSchema = z.strictObject({ token: AccountLinkTokenSchema, password: NewPasswordSchema });
export type RedeemAccountLinkRequest = z.infer<typeof RedeemAccountLinkRequestSchema>;
