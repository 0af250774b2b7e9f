import { desktopContext, launchChromium } from '../support/browser';

it('shots', async () => {
  const browser = await launchChromium();
  const page = await (await desktopContext(browser)).newPage();
  page.on('console', (m) => console.log('PAGE', m.text()));
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
  await form.screenshot({ path: `/tmp/qb/before.png` });
  await form.getByLabel('ตัวเลือก 1 ถูก').click();
  await page.waitForTimeout(300);
  console.log('CHECKED', await form.getByLabel('ตัวเลือก 1 ถูก').isChecked(), await form.getByLabel('น้ำหนักคะแนนตัวเลือก 1 (%)').inputValue());
  await form.getByLabel('ตัวเลือก 1 ถูก').click();
  await page.waitForTimeout(300);
  console.log('CHECKED2', await form.getByLabel('ตัวเลือก 1 ถูก').isChecked(), await form.getByLabel('น้ำหนักคะแนนตัวเลือก 1 (%)').inputValue());
  await form.screenshot({ path: `/tmp/qb/after.png` });
  await browser.close();
});
