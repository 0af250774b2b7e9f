import { NewPasswordSchema } from '@sujarit/contracts';
import type { TFunction } from 'i18next';
import { z } from 'zod';

/** A new password typed twice: the contract's rules, and the two must match. */
export const newPasswordFields = () => ({
  newPassword: NewPasswordSchema,
  confirmPassword: z.string(),
});

export const matchingPasswords = (t: TFunction) => ({
  check: (values: { newPassword: string; confirmPassword: string }) => values.newPassword === values.confirmPassword,
  error: { message: t('account.password.mismatch'), path: ['confirmPassword'] },
});
