import { HttpStatus } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../common/domain.error';
import { DEMO_USERS } from './demo-accounts';

/**
 * The commonest passwords: zxcvbn-ts's common list (@zxcvbn-ts/language-common, `passwords-common`, about
 * 49,000 passwords from leaked sets, lower-case), plus the demo passwords the README publishes. Built on first use.
 */
let refused: Set<string> | undefined;
const refusedPasswords = () =>
  (refused ??= new Set([...dictionary['passwords-common'], ...DEMO_USERS.map((u) => u.password.toLowerCase())]));

export function isCommonPassword(password: string): boolean {
  return refusedPasswords().has(password.trim().toLowerCase());
}

/**
 * What a new password must pass beyond the contract's length (12 to 200 characters): not one of the commonest
 * passwords, and not the account's own email or its name part.
 */
export function assertAcceptablePassword(password: string, email: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError(
      'PASSWORD_TOO_COMMON',
      'รหัสผ่านนี้อยู่ในรายการรหัสผ่านที่ใช้กันมากที่สุด จึงคาดเดาได้ง่าย กรุณาเลือกรหัสผ่านอื่น',
      HttpStatus.BAD_REQUEST,
    );
  }
  const lowered = password.trim().toLowerCase();
  if (lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0]) {
    throw new DomainError('PASSWORD_TOO_COMMON', 'รหัสผ่านต้องไม่ใช่อีเมลของบัญชีนี้ กรุณาเลือกรหัสผ่านอื่น', HttpStatus.BAD_REQUEST);
  }
}
