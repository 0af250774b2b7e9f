import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestApp, TestApp } from '../support/test-app';

class RecordingLogger extends ConsoleLogger {
  constructor(private readonly lines: string[]) {
    super();
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    this.lines.push(`${logLevel} ${context} ${messages.map((m) => (m instanceof Error ? m.stack : String(m))).join(' ')}`);
  }
}

const PUBLIC_URL = 'https://sujarit.pron.example';

/** With SMTP_URL set, invitations and reset links are also mailed, in Thai, to a real (local) SMTP server. */
describe('account links by mail', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: { to: string[]; mail: ParsedMail }[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        // This mailbox does not exist: the mail server refuses it, as a real one would.
        if (address.address.startsWith('nobody-')) callback(new Error('550 no such user'));
        else callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.SMTP_FROM = 'สุจริต <no-reply@pron.example>';
    process.env.PUBLIC_URL = PUBLIC_URL;
    t = await startTestApp();
    // Everything the app logs, to check that no password or link secret is in it.
    t.app.useLogger(new RecordingLogger(logged));
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const linkIn = (text: string) => {
    const match = /https:\/\/sujarit\.pron\.example\/set-password#([A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`no link in:\n${text}`);
    return { url: match[0], token: match[1] };
  };

  it('mails the invitation in Thai; the link in it works once', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const email = `new-organizer-${Date.now()}@pron.example`;
    const created = await admin.post('/api/users').send({ displayName: 'สมชาย รักเรียน', email, role: 'organizer', unit: 'กองการศึกษา' }).expect(201);
    expect(created.body.link).toMatchObject({ purpose: 'invite', mailed: true });
    expect(created.body.link.url).toMatch(new RegExp(`^${PUBLIC_URL}/set-password#`));

    const received = inbox.find((m) => m.to.includes(email));
    expect(received).toBeDefined();
    const mail = (received as { mail: ParsedMail }).mail;
    expect(mail.subject).toBe(`เชิญเข้าใช้ระบบสุจริต ของ${org.name}`);
    expect(mail.from?.text).toContain('no-reply@pron.example');
    expect(mail.text).toContain('เรียน คุณสมชาย รักเรียน');
    expect(mail.text).toContain('ผู้จัดการอบรม');
    // Buddhist Era year of the expiry.
    const yearInBangkok = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date(created.body.link.expiresAt));
    expect(mail.text).toContain(String(Number(yearInBangkok) + 543));
    const { url, token } = linkIn(mail.text ?? '');
    expect(url).toBe(created.body.link.url);

    const password = 'ตั้งรหัสผ่านจากอีเมล-2569';
    const first = await t.http().post('/api/account-links/redeem').send({ token, password }).expect(200);
    expect(first.body.email).toBe(email);
    const second = await t.http().post('/api/account-links/redeem').send({ token, password }).expect(410);
    expect(second.body.code).toBe('ACCOUNT_LINK_USED');
    await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  });

  it('mails a reset link with its own Thai subject', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('manager')]);
    const issued = await admin.post(`/api/users/${id}/password-link`).expect(201);
    expect(issued.body.link).toMatchObject({ purpose: 'reset', mailed: true });
    const received = inbox.find((m) => m.to.includes(org.email('manager')));
    expect(received?.mail.subject).toBe('ลิงก์ตั้งรหัสผ่านใหม่ ระบบสุจริต');
    const { token } = linkIn(received?.mail.text ?? '');
    await t.http().post('/api/account-links/inspect').send({ token }).expect(200);
  });

  it('still shows the link when the mail server refuses the message', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const created = await admin
      .post('/api/users')
      .send({ displayName: 'ไม่มี กล่องจดหมาย', email: `nobody-${Date.now()}@pron.example`, role: 'manager', unit: null })
      .expect(201);
    expect(created.body.link).toMatchObject({ purpose: 'invite', mailed: false });
    expect(created.body.link.url).toMatch(/#[A-Za-z0-9_-]{43}$/);
  });

  it('never writes a password or a link secret to the log', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const created = await admin
      .post('/api/users')
      .send({ displayName: 'ไม่มี กล่องจดหมาย', email: `nobody-log-${Date.now()}@pron.example`, role: 'manager', unit: null })
      .expect(201);
    const token = created.body.link.url.split('#')[1] as string;
    const password = 'รหัสผ่านลับเฉพาะ-ห้ามลงบันทึก';
    await t.http().post('/api/account-links/redeem').send({ token, password: 'qwerty123456' }).expect(400);
    const signedIn = t.http();
    await signedIn.post('/api/account-links/redeem').send({ token, password }).expect(200);
    await signedIn.post('/api/account/password').send({ currentPassword: 'ผิด-ผิด-ผิด-ผิด', newPassword: `${password}-ใหม่` }).expect(400);
    const log = logged.join('');
    // The refused mail was logged, without its content.
    expect(log).toContain('The mail server did not take a message');
    for (const secret of [token, password, 'qwerty123456', org.password]) expect(log).not.toContain(secret);
  });
});
