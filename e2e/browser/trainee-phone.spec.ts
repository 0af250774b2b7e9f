import { AssessmentSettingsSchema } from '@sujarit/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from '../support/axe';
import {
  baseUrl,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  rightOptions,
  scrollsSideways,
  type SpecOrganization,
} from '../support/browser';

/*
 * The trainee's phone as a new user meets it, at 360×640 and 390×844: the pre-test, then the post-test with the result
 * screen (passed or not against the program-year's pass mark, in its colour, and the change since the pre-test); the
 * youth walk-in asked the age band on the first form; larger text kept across a reload; the LINE share link; every
 * page usable from 320 px wide; and axe-core on every trainee page with no serious or critical violation.
 * Hand-worked: four one-point questions, pass mark 60: one right before = 25 % (not passed), three right after = 75 %
 * (passed, +50 points).
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
];
/** The result card's background: --ok-bg for a pass, --danger-bg for a fail (never green for a fail). */
const PASSED_BACKGROUND = 'rgb(230, 244, 234)';
const FAILED_BACKGROUND = 'rgb(253, 236, 234)';

let org: SpecOrganization;
let browser: Browser;
let organizer: APIRequestContext;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  org = await createSpecOrganization();
  browser = await launchChromium();
  organizer = (await desktopContext(browser)).request;
  await expectOk(organizer.post(`${baseUrl()}/api/auth/login`, { data: org.organizer }));
});
afterAll(() => browser?.close());

function phoneOf(viewport: { width: number; height: number }): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}

/** No serious or critical axe finding on the page as it stands, named by the page for the failure message. */
async function expectAccessible(page: Page, name: string) {
  expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
}

/** The page fits a 320 px screen (no sideways scroll), then goes back to the phone's own width. */
async function expectFits320(page: Page, name: string) {
  const viewport = page.viewportSize() as { width: number; height: number };
  await page.setViewportSize({ width: 320, height: viewport.height });
  expect({ page: name, sideways: await scrollsSideways(page) }).toEqual({ page: name, sideways: false });
  await page.setViewportSize(viewport);
}

describe("the trainee's phone", () => {
  for (const viewport of PHONES) {
    it(`takes the pre-test and the post-test at ${viewport.width}×${viewport.height} and reads the result as a person would`, async () => {
      const { session, four } = await sessionOfFour('1.1.1', `รุ่นผลคะแนน ${viewport.width}`);
      const context = await phoneOf(viewport);
      const phone = await context.newPage();
      const offSite: string[] = [];
      phone.on('request', (request) => {
        if (!request.url().startsWith(baseUrl())) offSite.push(request.url());
      });

      await phone.goto('/j');
      await phone.getByLabel('รหัสเข้าร่วม').waitFor();
      await expectAccessible(phone, 'enter code');
      await expectFits320(phone, 'enter code');

      await phone.goto(`/j/${session.joinCode}`);
      await phone.getByLabel('ชื่อ-นามสกุล').fill(`สมศรี ผลสอบ ${viewport.width}`);
      await phone.getByLabel('กลุ่ม').selectOption('council_member');
      await expectAccessible(phone, 'check-in');
      await expectFits320(phone, 'check-in');
      await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
      await phone.getByText(`ลงทะเบียนแล้ว: สมศรี ผลสอบ ${viewport.width}`).waitFor();
      await expectAccessible(phone, 'session');
      await expectFits320(phone, 'session');

      // Before the training: one right of four.
      await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
      await phone.getByText('ข้อ 1 จาก 4').waitFor();
      await expectAccessible(phone, 'question');
      await expectFits320(phone, 'question');
      // Started and left unanswered: the session page does not count it as a try used.
      await phone.goto(`/j/${session.joinCode}`);
      const preCard = phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม', exact: true });
      await preCard.getByRole('button', { name: 'ทำต่อ' }).waitFor();
      expect(await preCard.getByText(/ทำแล้ว/).count()).toBe(0);
      await preCard.getByRole('button', { name: 'ทำต่อ' }).click();
      await answer(phone, four, 1);
      await phone.getByTestId('result-score').waitFor();
      expect(await phone.getByTestId('result-score').innerText()).toBe('ได้ 1 จาก 4 คะแนน (25%)');
      expect(await phone.getByTestId('result-score-verdict').innerText()).toMatch(/^✗ ไม่ผ่านเกณฑ์\s+เกณฑ์ผ่าน 60% ของคะแนนเต็ม$/);
      expect(await resultBackground(phone)).toBe(FAILED_BACKGROUND);
      await expectAccessible(phone, 'pre-test result');
      await expectFits320(phone, 'pre-test result');
      await phone.screenshot({ path: join(ARTIFACTS, `trainee-phone-${viewport.width}-pre-result.png`), fullPage: true });

      await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
      await preCard.getByText(/ทำแล้ว 1 จาก 1 ครั้ง/).waitFor();
      await preCard.getByText('ไม่ผ่านเกณฑ์').waitFor();

      // The organizer closes the pre-test and opens the post-test; after the training, three right of four.
      await expectOk(organizer.post(`${baseUrl()}/api/assessments/${testOf(session, 'pre_test')}/close`));
      await expectOk(organizer.post(`${baseUrl()}/api/assessments/${testOf(session, 'post_test')}/open`));
      await phone.reload();
      const postCard = phone.getByRole('region', { name: 'แบบทดสอบหลังอบรม', exact: true });
      await postCard.getByText(/เกณฑ์ผ่าน 60%/).waitFor();
      await postCard.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
      await answer(phone, four, 3);
      await phone.getByTestId('result-score').waitFor();
      expect(await phone.getByTestId('result-score').innerText()).toBe('ได้ 3 จาก 4 คะแนน (75%)');
      expect(await phone.getByTestId('result-score-verdict').innerText()).toMatch(/^✓ ผ่านเกณฑ์\s+เกณฑ์ผ่าน 60% ของคะแนนเต็ม$/);
      expect(await phone.getByTestId('result-score-change').innerText()).toBe('เพิ่มขึ้น +50 คะแนนร้อยละ จากก่อนอบรม (25% → 75%)');
      expect(await resultBackground(phone)).toBe(PASSED_BACKGROUND);
      await expectAccessible(phone, 'post-test result');
      await expectFits320(phone, 'post-test result');
      await phone.screenshot({ path: join(ARTIFACTS, `trainee-phone-${viewport.width}-post-result.png`), fullPage: true });

      // The session page tells the same after a reload.
      await phone.goto(`/j/${session.joinCode}`);
      await postCard.getByText('เพิ่มขึ้น +50 คะแนนร้อยละ จากก่อนอบรม (25% → 75%)').waitFor();
      expect(await postCard.locator('.outcome__verdict').innerText()).toMatch(/^✓ ผ่านเกณฑ์\s/);
      await expectAccessible(phone, 'session with results');
      // Nothing was fetched from anywhere but the app.
      expect(offSite).toEqual([]);
      await context.close();
    });
  }

  it('shows part marks as a person reads them, with a note saying what they are', async () => {
    const session = await createSession('1.1.1', 'รุ่นคะแนนบางส่วน');
    const question = await (
      await expectOk(
        organizer.post(`${baseUrl()}/api/programs/${session.programId}/questions`, {
          data: {
            topic: 'คะแนนบางส่วน',
            type: 'multiple_choice',
            stem: 'ข้อใดเป็นหลักธรรมาภิบาล (เลือกทุกข้อที่ถูก)',
            options: [
              { text: 'หลักนิติธรรม', weight: 50 },
              { text: 'หลักความโปร่งใส', weight: 50 },
              { text: 'หลักพวกพ้อง', weight: -50 },
            ],
            explanation: 'หลักนิติธรรมและหลักความโปร่งใสเป็นหลักธรรมาภิบาล',
            points: 3,
          },
        }),
      )
    ).json();
    const preId = testOf(session, 'pre_test');
    const detail = await (await expectOk(organizer.get(`${baseUrl()}/api/assessments/${preId}`))).json();
    const settings = Object.fromEntries(Object.keys(AssessmentSettingsSchema.shape).map((field) => [field, detail[field]]));
    await expectOk(organizer.put(`${baseUrl()}/api/assessments/${preId}`, { data: { ...settings, selection: { mode: 'fixed', questionIds: [question.id] } } }));
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${preId}/open`));

    const context = await phoneOf(PHONES[0]);
    const phone = await context.newPage();
    await phone.goto(`/j/${session.joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('สมใจ ตอบครึ่ง');
    await phone.getByLabel('กลุ่ม').selectOption('staff');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    // One of the two right options, none wrong: half of 3 points.
    await phone.getByRole('checkbox', { name: 'หลักนิติธรรม' }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await phone.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
    await phone.getByTestId('result-score').waitFor();
    expect(await phone.getByTestId('result-score').innerText()).toBe('ได้ 1.5 จาก 3 คะแนน (50%)');
    await phone.getByText('รวมคะแนนบางส่วนจากข้อที่เลือกได้หลายคำตอบ').waitFor();
    expect(await phone.getByTestId('result-score-verdict').innerText()).toMatch(/^✗ ไม่ผ่านเกณฑ์\s/);
    await expectAccessible(phone, 'result with part marks');
    await context.close();
  });

  it('asks a youth walk-in the age band and, below 20, the guardian on the first form', async () => {
    const youth = await createSession('1.3.1', 'ค่ายเยาวชน ฟอร์มแรก');
    const context = await phoneOf(PHONES[0]);
    const phone = await context.newPage();
    await phone.goto(`/j/${youth.joinCode}`);
    // A youth program: the form starts on the youth group with the age band already asked.
    expect(await phone.getByLabel('กลุ่ม').inputValue()).toBe('youth');
    await phone.getByLabel('ช่วงอายุ').selectOption('20_25');
    expect(await phone.getByLabel('ชื่อ-นามสกุลผู้ปกครองที่ยินยอม').count()).toBe(0);
    await phone.getByLabel('ช่วงอายุ').selectOption('15_17');
    await phone.getByLabel('ชื่อ-นามสกุลผู้ปกครองที่ยินยอม').waitFor();
    await phone.getByLabel('ชื่อ-นามสกุล', { exact: true }).fill('ด.ญ. ฟอร์มแรก ใจกล้า');
    await phone.getByLabel('ชื่อ-นามสกุลผู้ปกครองที่ยินยอม').fill('นางแม่ ใจกล้า');
    await expectAccessible(phone, 'youth check-in');
    await expectFits320(phone, 'youth check-in');
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-phone-youth-first-form.png'), fullPage: true });
    const joins: number[] = [];
    phone.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === `/api/join/${youth.joinCode}`) joins.push(response.status());
    });
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('ลงทะเบียนแล้ว: ด.ญ. ฟอร์มแรก ใจกล้า').waitFor();
    // One request, accepted: never a refusal first.
    expect(joins).toEqual([200]);

    // Any program: choosing the youth group shows the age band before anything is sent.
    const staff = await createSession('1.1.1', 'รุ่นทั่วไป เลือกเยาวชน');
    const other = await context.newPage();
    await other.goto(`/j/${staff.joinCode}`);
    await other.getByLabel('ชื่อ-นามสกุล', { exact: true }).waitFor();
    expect(await other.getByLabel('ช่วงอายุ').count()).toBe(0);
    await other.getByLabel('กลุ่ม').selectOption('youth');
    await other.getByLabel('ช่วงอายุ').waitFor();
    await context.close();
  });

  it('keeps larger text across a reload, shares the join link to LINE, and fits 320 px', async () => {
    const session = await createSession('1.1.1', 'รุ่นตัวอักษรใหญ่');
    const context = await phoneOf(PHONES[0]);
    const phone = await context.newPage();
    const offSite: string[] = [];
    phone.on('request', (request) => {
      if (!request.url().startsWith(baseUrl())) offSite.push(request.url());
    });
    await phone.goto(`/j/${session.joinCode}`);
    const rootSize = () => phone.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const headingSize = () => phone.locator('h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const switchButton = phone.getByRole('button', { name: 'ตัวอักษรใหญ่' });
    expect(await switchButton.getAttribute('aria-pressed')).toBe('false');
    expect(await rootSize()).toBe('17px');
    const normalHeading = await headingSize();

    await switchButton.click();
    expect(await switchButton.getAttribute('aria-pressed')).toBe('true');
    expect(await rootSize()).toBe('21px');
    expect(await headingSize()).toBeCloseTo((normalHeading * 21) / 17, 1);
    await phone.reload();
    await phone.getByRole('button', { name: 'ตัวอักษรใหญ่' }).waitFor();
    expect(await phone.getByRole('button', { name: 'ตัวอักษรใหญ่' }).getAttribute('aria-pressed')).toBe('true');
    expect(await rootSize()).toBe('21px');
    expect(await phone.evaluate(() => localStorage.getItem('sujarit.largeText'))).toBe('1');
    // Larger text still fits the narrowest phone.
    await expectFits320(phone, 'session, larger text');
    await expectAccessible(phone, 'session, larger text');
    await phone.setViewportSize({ width: 320, height: 640 });
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-phone-320-large-text.png'), fullPage: true });
    await phone.setViewportSize(PHONES[0]);

    // The LINE share is a plain link to LINE's share page with this session's join link: nothing is fetched from LINE.
    const line = phone.getByRole('link', { name: 'ส่งลิงก์เข้าร่วมทาง LINE' });
    expect(await line.getAttribute('href')).toBe(
      `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(`${baseUrl()}/j/${session.joinCode}`)}`,
    );
    expect(await line.getAttribute('target')).toBe('_blank');
    expect(offSite).toEqual([]);

    await phone.getByRole('button', { name: 'ตัวอักษรใหญ่' }).click();
    expect(await rootSize()).toBe('17px');
    await phone.reload();
    expect(await rootSize()).toBe('17px');
    await context.close();
  });
});

interface BankQuestion {
  id: string;
  type: string;
  points: number;
  correctOptionIds: string[];
}

interface SessionWithTests {
  id: string;
  joinCode: string;
  programId: string;
  fiscalYear: number;
  assessments: { id: string; kind: string }[];
}

const testOf = (session: SessionWithTests, kind: string) => (session.assessments.find((a) => a.kind === kind) as { id: string }).id;

/** A session three days from now taking walk-ins, of the program with that code. */
async function createSession(programCode: string, title: string): Promise<SessionWithTests> {
  const programs = await (await expectOk(organizer.get(`${baseUrl()}/api/programs`))).json();
  const program = programs.programs.find((p: { code: string }) => p.code === programCode);
  const day = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000 + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return (
    await expectOk(
      organizer.post(`${baseUrl()}/api/sessions`, {
        data: { programId: program.id, title, startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T15:00:00+07:00`, venue: 'ห้องประชุมสภา', capacity: 190 },
      }),
    )
  ).json();
}

/** A session whose pre-test (and so its post-test) asks four one-point choice questions, the pre-test open, the year's pass mark 60. */
async function sessionOfFour(programCode: string, title: string) {
  const session = await createSession(programCode, title);
  const bank = (await (await expectOk(organizer.get(`${baseUrl()}/api/programs/${session.programId}/questions`))).json()).questions as BankQuestion[];
  const four = bank.filter((q) => (q.type === 'single_choice' || q.type === 'true_false') && q.points === 1).slice(0, 4);
  expect(four).toHaveLength(4);
  const preId = testOf(session, 'pre_test');
  const detail = await (await expectOk(organizer.get(`${baseUrl()}/api/assessments/${preId}`))).json();
  const settings = Object.fromEntries(Object.keys(AssessmentSettingsSchema.shape).map((field) => [field, detail[field]]));
  await expectOk(
    organizer.put(`${baseUrl()}/api/assessments/${preId}`, {
      data: { ...settings, shuffleQuestions: false, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } },
    }),
  );
  const programs = await (await expectOk(organizer.get(`${baseUrl()}/api/programs?fiscalYear=${session.fiscalYear}`))).json();
  const program = programs.programs.find((p: { id: string }) => p.id === session.programId);
  const { targetHeadcount, sessionsRequired, budgetBaht, targetPassRatePercent, indicatorBasis, certificateCriterion } = program.year;
  await expectOk(
    organizer.put(`${baseUrl()}/api/programs/${session.programId}/years/${session.fiscalYear}`, {
      data: { targetHeadcount, sessionsRequired, budgetBaht, passMarkPercent: 60, targetPassRatePercent, indicatorBasis, certificateCriterion, ownerUnit: program.ownerUnit },
    }),
  );
  await expectOk(organizer.post(`${baseUrl()}/api/assessments/${preId}/open`));
  return { session, four };
}

/** Answers the test on screen: the first `right` questions (in the test's order) right, the rest wrong, and hands in. */
async function answer(phone: Page, four: BankQuestion[], right: number) {
  const order = four.map((q) => q.id);
  for (let i = 1; i <= 4; i++) {
    await phone.getByText(`ข้อ ${i} จาก 4`).waitFor();
    const inputs = phone.locator('input[name^="question-"]');
    const questionId = ((await inputs.first().getAttribute('name')) ?? '').replace(/^question-/, '');
    const optionIds = await inputs.evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value));
    const rightIndexes = await rightOptions(questionId, optionIds);
    const index = order.indexOf(questionId) < right ? rightIndexes[0] : optionIds.findIndex((_, k) => !rightIndexes.includes(k));
    await inputs.nth(index).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    if (i < 4) await phone.getByRole('button', { name: 'ถัดไป' }).click();
  }
  await phone.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await phone.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
}

const resultBackground = (phone: Page) => phone.locator('section.result').evaluate((card) => getComputedStyle(card).backgroundColor);
