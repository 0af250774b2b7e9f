import { fiscalYearOf } from '@sujarit/domain';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { freePort, waitUntilUp } from '../support/browser-global-setup';
import { decodeQr, launchChromium, scrollsSideways } from '../support/browser';
import { createSiblingDatabase, TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
const ARTIFACTS = join(__dirname, '../artifacts');

/**
 * A real อบต. adopting Sujarit on a server of its own: an empty database without the demo, its own app
 * process, the address phones use in PUBLIC_URL (localhost, while the office browses 127.0.0.1).
 */
describe('a new organization adopts Sujarit on an empty server', () => {
  let browser: Browser;
  let db: TestDatabase;
  let server: ChildProcess;
  const output: string[] = [];
  let base = '';
  let publicUrl = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await createSiblingDatabase('sujarit_new_org');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    publicUrl = `http://localhost:${port}`;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['PUBLIC_URL', 'SUJARIT_DEMO'].includes(name)));
    server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: 'test', DATABASE_URL: db.url, PORT: String(port), PUBLIC_URL: publicUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await waitUntilUp(base, server, output);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await db?.dispose();
  });

  const office = (): Promise<BrowserContext> =>
    browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });

  it('sets up the organization, invites an organizer who runs a program and a session, a phone joins by the QR code, and the audit log shows who did what', async () => {
    // No demo and no organization: the app opens the set-up page, and the start log offers no demo logins.
    expect(output.join('')).not.toContain('demo-organizer');
    const admin = await (await office()).newPage();
    await admin.goto('/');
    await admin.waitForURL('**/setup');
    const setup = admin.getByRole('form', { name: 'ตั้งค่าหน่วยงานแรก' });
    await setup.getByLabel('ชื่อหน่วยงาน (ภาษาไทย)').fill('องค์การบริหารส่วนตำบลบางขุนทอง');
    await setup.getByLabel('ชื่อย่อ').fill('อบต.บางขุนทอง');
    await setup.getByLabel('จังหวัด').fill('นราธิวาส');
    await setup.getByLabel('ชื่อ-นามสกุล').fill('นางสาวสมใจ ตั้งมั่น');
    await setup.getByLabel('อีเมล (ใช้เข้าสู่ระบบ)').fill('somjai@bangkhunthong.example');
    await setup.getByLabel('รหัสผ่าน', { exact: true }).fill('สั้นไป');
    await setup.getByLabel('ยืนยันรหัสผ่าน').fill('สั้นไป');
    await setup.getByRole('radio', { name: 'เริ่มโดยไม่มีโครงการ' }).check();
    await setup.getByRole('button', { name: 'ตั้งค่าและเข้าสู่ระบบ' }).click();
    await setup.getByText('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร').waitFor();
    const adminPassword = 'บางขุนทองโปร่งใสตรวจสอบได้';
    await setup.getByLabel('รหัสผ่าน', { exact: true }).fill(adminPassword);
    await setup.getByLabel('ยืนยันรหัสผ่าน').fill(adminPassword);
    await admin.screenshot({ path: join(ARTIFACTS, 'setup-desktop.png'), fullPage: true });
    await setup.getByRole('button', { name: 'ตั้งค่าและเข้าสู่ระบบ' }).click();
    await admin.waitForURL('**/programs');
    await admin.getByTestId('organization-name').getByText('องค์การบริหารส่วนตำบลบางขุนทอง').waitFor();

    // The set-up is gone: its page sends anyone to sign in.
    const late = await (await office()).newPage();
    await late.goto('/setup');
    await late.waitForURL('**/login');

    // The admin invites an organizer and passes the one-time link on.
    await admin.getByRole('link', { name: 'ผู้ใช้' }).click();
    const invite = admin.getByRole('form', { name: 'เพิ่มผู้ใช้' });
    await invite.getByLabel('ชื่อ-นามสกุล').fill('นายวิชัย จัดอบรม');
    await invite.getByLabel('อีเมล').fill('wichai@bangkhunthong.example');
    await invite.getByLabel('บทบาท').selectOption('organizer');
    await invite.getByRole('button', { name: 'เพิ่มผู้ใช้และออกลิงก์เชิญ' }).click();
    const link = await admin.getByRole('region', { name: 'ลิงก์เชิญสำหรับ นายวิชัย จัดอบรม' }).getByLabel('ลิงก์ใช้ครั้งเดียว').inputValue();
    expect(link.startsWith(`${publicUrl}/set-password#`)).toBe(true);

    // The organizer opens it (at the public address), sets a password and is signed in.
    const organizer = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' })).newPage();
    await organizer.goto(link);
    await organizer.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('วิชัยจัดอบรมบางขุนทอง');
    await organizer.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill('วิชัยจัดอบรมบางขุนทอง');
    await organizer.getByRole('button', { name: 'บันทึกรหัสผ่านและเข้าสู่ระบบ' }).click();
    await organizer.waitForURL('**/programs');

    // Their own program: the organization started with none.
    await organizer.getByRole('button', { name: 'สร้างโครงการเอง' }).click();
    const create = organizer.getByRole('form', { name: 'สร้างโครงการใหม่' });
    await create.getByLabel('รหัสโครงการ').fill('1.1.1');
    await create.getByLabel('ชื่อโครงการ').fill('โครงการอบรมกฎหมายและระเบียบสำหรับบุคลากร');
    await create.getByLabel('กลุ่มเป้าหมาย').fill('บุคลากร ผู้บริหาร และสมาชิกสภา');
    await create.getByLabel('หน่วยงานเจ้าของโครงการ').fill('สำนักปลัด');
    const year = create.getByRole('group', { name: `เป้าหมายปีงบประมาณ ${fiscalYearOf(new Date())}` });
    await year.getByLabel('เป้าหมายจำนวนคน').fill('50');
    await year.getByLabel('จำนวนครั้งที่ต้องจัด').fill('2');
    await year.getByLabel('งบประมาณ (บาท)').fill('80000');
    await create.getByRole('button', { name: 'บันทึกโครงการใหม่' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'โครงการอบรมกฎหมายและระเบียบสำหรับบุคลากร' }).waitFor();

    // A session of it, and its join QR code.
    const session = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    await session.getByLabel('ชื่อรอบอบรม').fill('กฎหมายท้องถิ่น รุ่นที่ 1');
    await session.getByLabel('วันที่').fill(tomorrowInBangkok());
    await session.getByLabel('เวลาเริ่ม').fill('09:00');
    await session.getByLabel('เวลาสิ้นสุด').fill('16:00');
    await session.getByLabel('สถานที่').fill('ห้องประชุม อบต.บางขุนทอง');
    await session.getByLabel('จำนวนที่นั่ง').fill('60');
    await session.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'กฎหมายท้องถิ่น รุ่นที่ 1' }).waitFor();
    const qr = organizer.getByRole('img', { name: /คิวอาร์โค้ด/ });
    await qr.waitFor();
    const scanned = decodeQr(await qr.getAttribute('src'));
    expect(scanned).toMatch(new RegExp(`^${publicUrl}/j/[A-Z0-9]{6}$`));

    // A phone scans it and reaches the session at the public address.
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' })
    ).newPage();
    await phone.goto(scanned as string);
    await phone.getByText('กฎหมายท้องถิ่น รุ่นที่ 1').first().waitFor();
    expect(await scrollsSideways(phone)).toBe(false);

    // The admin reads who did each step.
    await admin.getByRole('link', { name: 'บันทึกการเปลี่ยนแปลง' }).click();
    const log = admin.getByRole('list', { name: 'บันทึกการเปลี่ยนแปลง' });
    await log.getByText('สร้างโครงการ: 1.1.1', { exact: false }).waitFor();
    const entries = await log.getByRole('listitem').filter({ has: admin.locator('time') }).allInnerTexts();
    const lines = entries.map((entry) => entry.replace(/\s+/g, ' '));
    expect(lines.length).toBe(4);
    expect(lines[0]).toMatch(/นายวิชัย จัดอบรม \(wichai@bangkhunthong\.example\).*สร้างโครงการ: 1\.1\.1/);
    expect(lines[1]).toMatch(/นายวิชัย จัดอบรม.*เปลี่ยนรหัสผ่าน: wichai@bangkhunthong\.example/);
    expect(lines[2]).toMatch(/นางสาวสมใจ ตั้งมั่น.*เพิ่มผู้ใช้และออกลิงก์เชิญ: wichai@bangkhunthong\.example/);
    expect(lines[3]).toMatch(/นางสาวสมใจ ตั้งมั่น.*สร้างหน่วยงาน: อบต\.บางขุนทอง/);
    await admin.screenshot({ path: join(ARTIFACTS, 'audit-log-desktop.png'), fullPage: true });
  });
});

function tomorrowInBangkok(): string {
  const bangkokNow = new Date(Date.now() + 7 * 60 * 60 * 1000);
  bangkokNow.setUTCDate(bangkokNow.getUTCDate() + 1);
  return bangkokNow.toISOString().slice(0, 10);
}
