import type { AccountLinkPurpose, Role } from '@sujarit/contracts';
import type { MailMessage } from '../mail/mail.service';

const ROLE_NAMES: Record<Role, string> = { admin: 'ผู้ดูแลระบบ', organizer: 'ผู้จัดการอบรม', manager: 'ผู้บริหาร' };

/** Buddhist Era date and Bangkok time, as Thai readers expect them. */
const thaiDateTime = (at: Date) =>
  new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(at);

/** The Thai mail that carries a one-time link: an invitation or a password reset. */
export function accountLinkMail(input: {
  purpose: AccountLinkPurpose;
  to: string;
  displayName: string;
  role: Role;
  organizationName: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const until = `${thaiDateTime(input.expiresAt)} น.`;
  if (input.purpose === 'invite') {
    return {
      to: input.to,
      subject: `เชิญเข้าใช้ระบบสุจริต ของ${input.organizationName}`,
      text: [
        `เรียน คุณ${input.displayName}`,
        '',
        `${input.organizationName} เพิ่มบัญชีของคุณในระบบสุจริต (ระบบอบรมและทดสอบความรู้) ในบทบาท${ROLE_NAMES[input.role]}`,
        `กรุณาเปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่าน ลิงก์ใช้ได้ครั้งเดียว ถึง ${until}`,
        '',
        input.url,
        '',
        'ชื่อผู้ใช้ของคุณคืออีเมลนี้ หากคุณไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องทำอะไร',
      ].join('\n'),
    };
  }
  return {
    to: input.to,
    subject: 'ลิงก์ตั้งรหัสผ่านใหม่ ระบบสุจริต',
    text: [
      `เรียน คุณ${input.displayName}`,
      '',
      `ผู้ดูแลระบบของ${input.organizationName} ออกลิงก์ให้คุณตั้งรหัสผ่านใหม่`,
      `กรุณาเปิดลิงก์ด้านล่าง ลิงก์ใช้ได้ครั้งเดียว ถึง ${until}`,
      '',
      input.url,
      '',
      'เมื่อตั้งรหัสผ่านใหม่แล้ว ทุกเครื่องที่เข้าสู่ระบบไว้จะออกจากระบบ หากคุณไม่ได้ขอ กรุณาแจ้งผู้ดูแลระบบ',
    ].join('\n'),
  };
}
