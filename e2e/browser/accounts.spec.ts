import type { Browser, Page } from 'playwright-core';
import { baseUrl, desktopContext, launchChromium, phoneContext, publicUrl, scrollsSideways, signedIn } from '../support/browser';
import { chooseDemoPassword, demoAccount, seededDemoAccount } from '../support/demo-accounts';

/** Accounts as people meet them: the demo's forced first password, an admin inviting a colleague, everyone's account page. */
describe('accounts in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  async function signInWithForm(page: Page, credentials: { email: string; password: string }) {
    await page.goto('/login');
    await page.getByLabel('อีเมล').fill(credentials.email);
    await page.getByLabel('รหัสผ่าน').fill(credentials.password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  }

  it('the demo admin must choose a new password at the first sign-in before anything else, on a phone', async () => {
    const seeded = seededDemoAccount('admin');
    const chosen = demoAccount('admin');
    const page = await (await phoneContext(browser)).newPage();
    await signInWithForm(page, seeded);
    await page.waitForURL('**/change-password');
    await page.getByRole('heading', { name: 'ตั้งรหัสผ่านใหม่ก่อนใช้งาน' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    // Nothing else opens until then.
    await page.goto('/admin/users');
    await page.waitForURL('**/change-password');

    await page.getByLabel('รหัสผ่านปัจจุบัน').fill(seeded.password);
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('12345678901');
    await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill('12345678901');
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByText('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร').waitFor();

    // Keeping the published password is refused by the server.
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(seeded.password);
    await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(seeded.password);
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByRole('alert').filter({ hasText: 'คาดเดาได้ง่าย' }).waitFor();

    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(chosen.password);
    await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(chosen.password);
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.waitForURL('**/programs');

    // The header keeps the admin's pages within reach on a phone.
    await page.getByRole('link', { name: 'ผู้ใช้' }).click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('heading', { name: 'ผู้ใช้ของหน่วยงาน' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('link', { name: 'บัญชีของฉัน' }).click();
    await page.getByRole('heading', { name: 'บัญชีของฉัน' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    // The published password no longer opens the account; the new one does.
    const fresh = await (await phoneContext(browser)).newPage();
    await signInWithForm(fresh, seeded);
    await fresh.getByText('อีเมลหรือรหัสผ่านไม่ถูกต้อง').waitFor();
    await signInWithForm(fresh, chosen);
    await fresh.waitForURL('**/programs');
  });

  it('an admin invites an organizer by a one-time link, then changes the role and deactivates the account', async () => {
    // The demo admin's first sign-in is the test above; done here too when this test runs alone.
    const admin = await signedIn(await desktopContext(browser), await chooseDemoPassword(baseUrl(), 'admin'));
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await admin.getByRole('link', { name: 'ผู้ใช้' }).click();
    await admin.waitForURL('**/admin/users');

    const name = 'สมศรี ตั้งใจงาน';
    const email = `somsri-${Date.now()}@pron.example`;
    const form = admin.getByRole('form', { name: 'เพิ่มผู้ใช้' });
    await form.getByLabel('ชื่อ-นามสกุล').fill(name);
    await form.getByLabel('อีเมล').fill(email);
    await form.getByLabel('บทบาท').selectOption('organizer');
    await form.getByLabel('หน่วยงาน (กอง/สำนัก)').fill('สำนักปลัด');
    await form.getByRole('button', { name: 'เพิ่มผู้ใช้และออกลิงก์เชิญ' }).click();

    const panel = admin.getByRole('region', { name: `ลิงก์เชิญสำหรับ ${name}` });
    await panel.getByText('แสดงเพียงครั้งนี้').waitFor();
    const shown = await panel.getByLabel('ลิงก์ใช้ครั้งเดียว').inputValue();
    // Built on PUBLIC_URL, the address the tests' server was given for links (not the one the admin browses).
    expect(shown).toMatch(new RegExp(`^${publicUrl()}/set-password#[A-Za-z0-9_-]{43}$`));
    await panel.getByRole('button', { name: 'คัดลอกลิงก์' }).click();
    await panel.getByRole('button', { name: 'คัดลอกแล้ว' }).waitFor();
    const link = await admin.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
    const row = admin.getByRole('listitem', { name });
    await row.getByText('รอตั้งรหัสผ่าน').waitFor();
    // Closed, the link is gone for good.
    await panel.getByRole('button', { name: 'ปิด' }).click();
    await admin.reload();
    expect(await admin.content()).not.toContain(shown.split('#')[1]);

    // The organizer opens the link in a browser of their own and sets a password.
    const organizerContext = await desktopContext(browser);
    const organizer = await organizerContext.newPage();
    await organizer.goto(link);
    await organizer.getByRole('heading', { name: `ยินดีต้อนรับ คุณ${name}` }).waitFor();
    await organizer.getByText(email).first().waitFor();
    const password = 'ห้องสมุดประชาชน-พร่อน-2569';
    await organizer.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('qwerty123456');
    await organizer.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill('qwerty123456');
    await organizer.getByRole('button', { name: 'บันทึกรหัสผ่านและเข้าสู่ระบบ' }).click();
    await organizer.getByRole('alert').filter({ hasText: 'คาดเดาได้ง่าย' }).waitFor();
    await organizer.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(password);
    await organizer.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(password);
    await organizer.getByRole('button', { name: 'บันทึกรหัสผ่านและเข้าสู่ระบบ' }).click();
    await organizer.waitForURL('**/programs');
    await organizer.getByTestId('current-user').getByText(name).waitFor();

    // The link worked once.
    const other = await (await desktopContext(browser)).newPage();
    await other.goto(link);
    await other.getByText('ลิงก์นี้ถูกใช้ไปแล้ว').waitFor();

    // Signing out and in again with the new password.
    await organizer.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await organizer.waitForURL('**/login');
    await signInWithForm(organizer, { email, password });
    await organizer.waitForURL('**/programs');

    // The admin sees the account active, and makes the organizer a manager.
    await admin.reload();
    await row.getByText('ใช้งานอยู่').waitFor();
    await row.getByLabel(`บทบาทของ ${name}`).selectOption('manager');
    await row.getByText(`เปลี่ยนบทบาทของ ${name} แล้ว`).waitFor();
    await organizer.reload();
    await organizer.goto('/programs');
    await organizer.waitForURL('**/indicators');
    await organizer.getByTestId('current-user').getByText('ผู้บริหาร').waitFor();

    // Deactivated: the open session ends at once, and signing in is refused.
    await row.getByRole('button', { name: `ปิดใช้งาน ${name}` }).click();
    await row.getByRole('button', { name: 'ยืนยันปิดใช้งาน' }).click();
    await row.getByText(`ปิดใช้งานบัญชีของ ${name} แล้ว`).waitFor();
    await row.locator('.badge').getByText('ปิดใช้งาน').waitFor();
    await organizer.reload();
    await organizer.waitForURL('**/login');
    await signInWithForm(organizer, { email, password });
    await organizer.getByText('บัญชีนี้ถูกปิดใช้งานแล้ว').waitFor();

    // Reactivated, the old password works again.
    await row.getByRole('button', { name: `เปิดใช้งาน ${name} อีกครั้ง` }).click();
    await row.getByText('ใช้งานอยู่').waitFor();
    await signInWithForm(organizer, { email, password });
    await organizer.waitForURL('**/indicators');
  });

  it('everyone signs out of every device from their account page', async () => {
    const laptop = await signedIn(await desktopContext(browser), demoAccount('manager'));
    const phone = await signedIn(await phoneContext(browser), demoAccount('manager'));
    await phone.getByRole('link', { name: 'บัญชีของฉัน' }).click();
    await phone.getByRole('button', { name: 'ออกจากระบบทุกเครื่อง' }).click();
    await phone.getByRole('button', { name: 'ยืนยันออกจากระบบทุกเครื่อง' }).click();
    await phone.waitForURL('**/login');
    await laptop.reload();
    await laptop.waitForURL('**/login');
  });
});
