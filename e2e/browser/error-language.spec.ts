import { fiscalYearOf } from '@sujarit/domain';
import type { Browser, Page } from 'playwright-core';
import { createEmptyOrganization, desktopContext, expectOk, launchChromium, signedIn } from '../support/browser';

const THAI = /[\u0E00-\u0E7F]/;
/** What zod (or any schema library) says when nobody worded a problem: it must never reach a reader. */
const SCHEMA_WORDS = /expected|too big|too small|invalid/i;

/** Every alert on the page, read once something shows: the form's top error and each field's. */
async function alerts(page: Page): Promise<string[]> {
  await page.getByRole('alert').first().waitFor();
  return page.getByRole('alert').allInnerTexts();
}

const program = (code: string) => ({
  code,
  name: 'Transparent procurement',
  audience: 'Procurement staff',
  ownerUnit: 'Finance division',
  year: { fiscalYear: fiscalYearOf(new Date()), targetHeadcount: 10, sessionsRequired: 1, budgetBaht: 0 },
});

/**
 * Errors in the language being read: the server's refusals are worded by the web app from their code and values, so
 * an English reader sees no Thai; the form's own checks and the server's field issues are Thai in the Thai app, with
 * none of the schema library's English.
 */
describe('error messages in the reader’s language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('in English: a wrong join code, a wrong password, a taken program code and an overlong value are worded in English', async () => {
    const page = await (await desktopContext(browser)).newPage();
    await page.goto('/j');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Join a training' }).waitFor();

    await page.getByLabel('Join code').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Go to the session' }).click();
    await page.getByRole('alert').filter({ hasText: 'No session has this code. Please check the code.' }).waitFor();
    for (const text of await alerts(page)) expect(text).not.toMatch(THAI);

    // The choice is kept on this browser: the sign-in page is English too.
    const organizer = await createEmptyOrganization();
    await page.goto('/login');
    await page.getByLabel('Email').fill(organizer.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    for (const text of await alerts(page)) expect(text).not.toMatch(THAI);
    await page.getByLabel('Password').fill(organizer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/programs');

    // A program of this code exists already.
    await expectOk(page.request.post('/api/programs', { data: program('7.7.7') }));
    await page.reload();
    await page.getByRole('button', { name: 'Create a program' }).click();
    const form = page.getByRole('form', { name: 'New program' });
    await form.getByLabel('Program code').fill('7.7.7');
    await form.getByLabel('Program name').fill('Another program');
    await form.getByLabel('Target group').fill('Staff');
    await form.getByLabel('Owning unit').fill('Finance division');
    await form.getByLabel('Target headcount').fill('10');
    await form.getByLabel('Sessions required').fill('1');
    await form.getByLabel('Budget (baht)').fill('0');
    await form.getByRole('button', { name: 'Save the new program' }).click();
    await form.getByRole('alert').filter({ hasText: 'Program code 7.7.7 is already used. Please choose another code.' }).waitFor();
    for (const text of await alerts(page)) expect(text).not.toMatch(THAI);

    // A value past its limit that reaches the server anyway (the input's maxLength got round): its issue shows beside
    // the field, worded from the code and maximum.
    await form.getByLabel('Program code').fill('7.7.8');
    await page.route('**/api/programs', (route) =>
      route.continue({ postData: JSON.stringify({ ...JSON.parse(route.request().postData() ?? '{}'), name: 'x'.repeat(301) }) }),
    );
    await form.getByRole('button', { name: 'Save the new program' }).click();
    await form.getByRole('alert').filter({ hasText: 'At most 300 characters' }).waitFor();
    await form.getByRole('alert').filter({ hasText: 'Some of the data is not valid. Please check it and try again.' }).waitFor();
    for (const text of await alerts(page)) {
      expect(text).not.toMatch(THAI);
      expect(text).not.toMatch(SCHEMA_WORDS);
    }
  });

  it('in Thai: the form’s own checks and the server’s field issues are Thai, with none of the schema library’s English', async () => {
    const page = await signedIn(await desktopContext(browser), await createEmptyOrganization());
    await page.goto('/programs');
    await page.getByRole('button', { name: 'สร้างโครงการเอง' }).click();
    const form = page.getByRole('form', { name: 'สร้างโครงการใหม่' });
    const submit = form.getByRole('button', { name: 'บันทึกโครงการใหม่' });

    // Nothing filled in, a number left empty, a name past its limit (the input's maxLength taken off).
    await form.getByLabel('ชื่อโครงการ').evaluate((input) => input.removeAttribute('maxlength'));
    await form.getByLabel('ชื่อโครงการ').fill('ก'.repeat(301));
    await submit.click();
    await form.getByRole('alert').filter({ hasText: 'กรุณากรอกรหัสโครงการ' }).waitFor();
    await form.getByRole('alert').filter({ hasText: 'ยาวได้ไม่เกิน 300 ตัวอักษร' }).waitFor();
    await form.getByRole('alert').filter({ hasText: 'ต้องเป็นตัวเลข' }).first().waitFor();
    for (const text of await alerts(page)) {
      expect(text).toMatch(THAI);
      expect(text).not.toMatch(SCHEMA_WORDS);
    }

    // The server's own field issue (a value past its limit that got round the form), beside its field in Thai.
    await form.getByLabel('รหัสโครงการ').fill('8.8.8');
    await form.getByLabel('ชื่อโครงการ').fill('โครงการทดสอบภาษา');
    await form.getByLabel('กลุ่มเป้าหมาย').fill('เจ้าหน้าที่');
    await form.getByLabel('หน่วยงานเจ้าของโครงการ').fill('สำนักปลัด');
    await form.getByLabel('เป้าหมายจำนวนคน').fill('10');
    await form.getByLabel('จำนวนครั้งที่ต้องจัด').fill('1');
    await form.getByLabel('งบประมาณ (บาท)').fill('0');
    await page.route('**/api/programs', (route) =>
      route.continue({ postData: JSON.stringify({ ...JSON.parse(route.request().postData() ?? '{}'), audience: 'ก'.repeat(301) }) }),
    );
    await submit.click();
    await form.getByRole('alert').filter({ hasText: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบแล้วลองใหม่' }).waitFor();
    await form.getByRole('alert').filter({ hasText: 'ยาวได้ไม่เกิน 300 ตัวอักษร' }).waitFor();
    for (const text of await alerts(page)) {
      expect(text).toMatch(THAI);
      expect(text).not.toMatch(SCHEMA_WORDS);
    }
  });
});
