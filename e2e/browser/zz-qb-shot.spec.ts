import { desktopContext, launchChromium, phoneContext } from '../support/browser';

it('shots', async () => {
  const browser = await launchChromium();
  for (const make of [desktopContext, phoneContext]) {
    const page = await (await make(browser)).newPage();
    await page.goto('/login');
    await page.getByLabel('อีเมล').fill('organizer@pron.example');
    await page.getByLabel('รหัสผ่าน').fill('demo-organizer-2569');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL('**/programs');
    await page.getByRole('link', { name: /1\.2\.1/ }).first().click();
    await page.getByRole('link', { name: 'คลังข้อสอบ', exact: true }).click();
    await page.getByRole('heading', { name: 'คลังข้อสอบ', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('ชนิดคำถาม', { exact: true }).selectOption('multiple_choice');
    await form.getByRole('button', { name: 'เพิ่มตัวเลือก' }).click();
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('รอบรู้');
    await form.getByLabel('ตัวเลือก 1 ถูก').check();
    await form.getByLabel('ตัวเลือก 3 ถูก').check();
    await form.screenshot({ path: `/tmp/qb/form-${make.name}.png` });
    await page.getByRole('region', { name: 'หลัก 3 ห่วง 2 เงื่อนไข' }).locator('li.bank-question').last().screenshot({ path: `/tmp/qb/card-${make.name}.png` });
  }
  await browser.close();
});
