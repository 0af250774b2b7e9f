import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import { baseUrl, createSpecOrganization, desktopContext, expectOk, launchChromium, phoneContext, scrollsSideways, type SpecOrganization } from '../support/browser';

const ARTIFACTS = join(__dirname, '../artifacts');
/** The file's own organization, with the template's programs. */
let org: SpecOrganization;

/** What a trainee types or taps is never lost, and bad input is answered in Thai. */
describe('a trainee on a weak connection and with bad input', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('explains a wrong code and a missing name in Thai', async () => {
    const { joinCode } = await openSessionWithPreTest(browser);
    const phone = await (await phoneContext(browser)).newPage();

    const lookups: string[] = [];
    phone.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/join/ZZZZZZ') lookups.push(request.url());
    });
    await phone.goto('/j');
    await phone.getByLabel('รหัสเข้าร่วม').fill('zzzzzz');
    await phone.getByRole('button', { name: 'ไปยังรอบอบรม' }).click();
    await phone.getByText('ไม่พบรอบอบรมของรหัสนี้ ตรวจสอบรหัสอีกครั้ง').waitFor();
    // A page left open on a wrong code does not keep asking: each ask would count as another wrong code.
    await phone.waitForTimeout(6_500);
    expect(lookups).toHaveLength(1);

    await phone.goto(`/j/${joinCode.toLowerCase()}`);
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('กรุณากรอกชื่อ-นามสกุล').first().waitFor();
    expect(await phone.getByText(/ลงทะเบียนแล้ว/).count()).toBe(0);
  });

  it('keeps the answers given when the phone reloads or loses its connection mid-test', async () => {
    const { joinCode, preTestId } = await openSessionWithPreTest(browser);
    const context = await phoneContext(browser);
    const phone = await context.newPage();
    await phone.goto(`/j/${joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('ด.ช. ตั้งใจ เรียนดี');
    // A youth program: the form starts on the youth group and asks the age band on the first form.
    expect(await phone.getByLabel('กลุ่ม').inputValue()).toBe('youth');
    await phone.getByLabel('ช่วงอายุ').waitFor();
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('กรุณาเลือกช่วงอายุ', { exact: true }).waitFor();
    await phone.getByLabel('ช่วงอายุ').selectOption('12_14');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('ผู้ที่อายุต่ำกว่า 20 ปี กรุณากรอกชื่อผู้ปกครองที่ยินยอมให้เข้าร่วมและให้เก็บชื่อ').waitFor();
    await phone.getByLabel('ชื่อ-นามสกุลผู้ปกครองที่ยินยอม').fill('นางตั้งใจ เรียนดี');
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-youth-consent.png'), fullPage: true });
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();

    await phone.getByRole('radio').nth(1).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();

    // The connection drops: the second answer stays on the phone and is sent when it comes back.
    await context.setOffline(true);
    await phone.getByRole('radio').nth(2).check();
    await context.setOffline(false);
    await serverHasAnswers(context.request, joinCode, preTestId, 2);

    await phone.reload();
    await phone.getByText(/ตอบแล้ว 2 จาก \d+ ข้อ/).waitFor();
    // It resumes at the first question not yet answered, and the earlier answers are still chosen.
    await phone.getByText(/ข้อ 3 จาก/).waitFor();
    await phone.getByRole('button', { name: 'ก่อนหน้า' }).click();
    expect(await phone.getByRole('radio').nth(2).isChecked()).toBe(true);
    await phone.getByRole('button', { name: 'ก่อนหน้า' }).click();
    expect(await phone.getByRole('radio').nth(1).isChecked()).toBe(true);
  });
});

/** An organizer schedules a session of 1.3.1 and opens its pre-test, through the API. */
async function openSessionWithPreTest(browser: Browser): Promise<{ joinCode: string; preTestId: string }> {
  const organizer = (await desktopContext(browser)).request;
  await expectOk(organizer.post(`${baseUrl()}/api/auth/login`, { data: org.organizer }));
  const programs = await (await organizer.get(`${baseUrl()}/api/programs`)).json();
  const program = programs.programs.find((p: { code: string }) => p.code === '1.3.1');
  const day = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const session = await (
    await expectOk(
      organizer.post(`${baseUrl()}/api/sessions`, {
        data: { programId: program.id, title: 'ค่ายเยาวชน', startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T15:00:00+07:00`, venue: 'โรงเรียนบ้านพร่อน', capacity: 190 },
      }),
    )
  ).json();
  const preTest = session.assessments.find((a: { kind: string }) => a.kind === 'pre_test');
  await expectOk(organizer.post(`${baseUrl()}/api/assessments/${preTest.id}/open`));
  return { joinCode: session.joinCode, preTestId: preTest.id };
}

/** Waits (up to 15 s) until the server holds this many saved answers for the phone's attempt. */
async function serverHasAnswers(phone: APIRequestContext, joinCode: string, assessmentId: string, count: number): Promise<void> {
  const deadline = Date.now() + 15000;
  let saved = 0;
  while (Date.now() < deadline) {
    // Resuming attempt 1 is harmless: the same request never starts a second attempt.
    const attempt = await (
      await phone.post(`${baseUrl()}/api/join/${joinCode}/assessments/${assessmentId}/attempt`, { data: { attemptNumber: 1 } })
    ).json();
    saved = Object.keys(attempt.answers).length;
    if (saved === count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server holds ${saved} answers, expected ${count}`);
}
