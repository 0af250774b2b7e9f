import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  type Chooser,
  createSpecOrganization,
  decodeQr,
  desktopContext,
  launchChromium,
  openSessionPart,
  phoneContext,
  publicUrl,
  renderedFonts,
  rightOptions,
  scrollsSideways,
  type SpecOrganization,
  testCard,
} from '../support/browser';

const ARTIFACTS = join(__dirname, '../artifacts');
/** Fonts from fonts-thai-tlwg and other Thai families; DejaVu or Liberation alone would draw boxes. */
const THAI_FONT = /Loma|Garuda|Norasi|Kinnari|Sawasdee|Tlwg|Umpush|Purisa|Waree|Laksaman|Noto Sans Thai|Noto Serif Thai|Sarabun/i;

describe('the slice in a real browser', () => {
  let browser: Browser;
  // An organization of the file's own, with the template's programs: the indicator counts only this file's trainee.
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer schedules, a trainee on a phone takes both tests, a manager reads the indicator', async () => {
    // The organizer, on a desktop, sees the four programs of the current fiscal year.
    const organizer = await (await desktopContext(browser)).newPage();
    await login(organizer, org.organizer.email, org.organizer.password);
    await organizer.waitForURL('**/programs');
    for (const code of ['1.1.1', '1.1.2', '1.2.1', '1.3.1']) {
      await organizer.getByText(code, { exact: false }).first().waitFor();
    }
    await organizer.getByText('190').first().waitFor();

    // Schedules a session of 1.1.1 for tomorrow in Bangkok and gets its join code and QR code.
    await organizer.getByRole('link', { name: /1\.1\.1/ }).first().click();
    await organizer.getByLabel('ชื่อรอบอบรม').fill('รุ่นที่ 1 กฎหมายท้องถิ่น');
    await organizer.getByLabel('วันที่').fill(tomorrowInBangkok());
    await organizer.getByLabel('เวลาเริ่ม').fill('09:00');
    await organizer.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await organizer.getByLabel('สถานที่').fill('ห้องประชุมสภา อบต.พร่อน');
    await organizer.getByLabel('จำนวนที่นั่ง').fill('70');
    await organizer.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.waitForURL('**/sessions/**');
    const joinCode = (await organizer.getByTestId('join-code').innerText()).trim();
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    // The QR code, read back as a phone camera would, opens this session's join page at PUBLIC_URL.
    const qr = organizer.getByRole('img', { name: /คิวอาร์โค้ด/ });
    expect(decodeQr(await qr.getAttribute('src'))).toBe(`${publicUrl()}/j/${joinCode}`);
    await organizer.screenshot({ path: join(ARTIFACTS, 'organizer-session.png'), fullPage: true });

    await openSessionPart(organizer, 'tests');
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('button', { name: 'ปิดแบบทดสอบ' }).waitFor();

    // The trainee opens the join link on a phone, registers as a walk-in and takes the pre-test.
    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(`/j/${joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง ใจดี');
    await phone.getByLabel('กลุ่ม').selectOption('staff');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('สมหญิง ใจดี').first().waitFor();
    expect(await scrollsSideways(phone)).toBe(false);

    // Before the training the trainee guesses: always the first option.
    const preScore = await takeTest(phone, 'pre', async () => [0]);
    expect(preScore.max).toBeGreaterThanOrEqual(10);

    // The organizer closes the pre-test (after a confirmation) and opens the post-test; the same phone takes it.
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('button', { name: 'ปิดแบบทดสอบ' }).click();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('button', { name: 'ยืนยันปิด' }).click();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByText('ปิดแล้ว', { exact: true }).waitFor();
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByRole('button', { name: 'ปิดแบบทดสอบ' }).waitFor();

    await phone.goto(`/j/${joinCode}`);
    // After the training they know the answers.
    const postScore = await takeTest(phone, 'post', rightOptions);
    expect(postScore).toEqual({ score: preScore.max, max: preScore.max, percent: 100 });
    // Passed against the program-year's mark, and the change since this person's own pre-test.
    expect(await phone.getByTestId('result-score-verdict').innerText()).toMatch(/^✓ ผ่านเกณฑ์\s+เกณฑ์ผ่าน 60% ของคะแนนเต็ม$/);
    expect(await phone.getByTestId('result-score-change').innerText()).toMatch(
      new RegExp(`^เพิ่มขึ้น \\+[\\d.]+ คะแนนร้อยละ จากก่อนอบรม \\(${formatPercent(preScore.percent)}% → 100%\\)$`),
    );

    // The organizer's attendee list shows the trainee with both scores.
    await organizer.reload();
    await openSessionPart(organizer, 'people');
    await organizer.getByRole('list', { name: 'รายชื่อสำหรับเช็กอิน' }).getByText('สมหญิง ใจดี').waitFor();

    // The manager reads the indicator of 1.1.1 for this fiscal year.
    const manager = await (await desktopContext(browser)).newPage();
    await login(manager, org.manager.email, org.manager.password);
    await manager.waitForURL('**/indicators');
    const card = manager.locator('article, section').filter({ hasText: '1.1.1' }).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('1 จาก 65 คน'); // one distinct person against the target
    expect(text).toContain('1 จาก 2 ครั้ง'); // one session held of two required
    expect(text).toMatch(/100%\s*เป้าหมาย 80%/); // pass rate against its target
    expect(text).toContain('ผ่านเกณฑ์');
    expect(text).not.toContain('ยังไม่ผ่านเกณฑ์');
    expect(text).toContain(`${formatPercent(preScore.percent)}%`); // mean pre-test score
    // The paired means with their count, read beside their definition, and the gains with theirs.
    expect(text).toContain('เฉลี่ยก่อน/หลังอบรม (เฉพาะผู้ที่ทำทั้งสองครั้ง 1 คน)');
    expect(text).toContain(`${formatPercent(preScore.percent)}% → 100%`);
    expect(text).toContain('คะแนนเฉลี่ยของคนกลุ่มเดียวกันทั้งก่อนและหลังอบรม จึงเทียบกันได้ตรง');
    expect(text).toContain('ความก้าวหน้าของกลุ่ม (Hake’s g)');
    expect(text).toContain('(เฉลี่ยหลัง − เฉลี่ยก่อน) ÷ (100 − เฉลี่ยก่อน)');
    // A program nobody has attended this year says "no data yet", not "not met".
    const idle = await manager.locator('article').filter({ hasText: '1.2.1' }).first().innerText();
    expect(idle).toContain('ยังไม่มีข้อมูล');
    expect(idle).not.toContain('ยังไม่ผ่านเกณฑ์');
    await manager.screenshot({ path: join(ARTIFACTS, 'manager-indicators.png'), fullPage: true });

    // On a phone the cards, definitions included, fit the screen's width.
    const managerPhone = await (await phoneContext(browser)).newPage();
    await login(managerPhone, org.manager.email, org.manager.password);
    await managerPhone.waitForURL('**/indicators');
    await managerPhone.getByText('เฉพาะผู้ที่ทำทั้งสองครั้ง 1 คน', { exact: false }).waitFor();
    expect(await scrollsSideways(managerPhone)).toBe(false);
    await managerPhone.screenshot({ path: join(ARTIFACTS, 'manager-indicators-phone.png'), fullPage: true });
  });
});

async function login(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

/** Answers one question per screen, as `choose` says, and submits; returns the score shown. */
async function takeTest(phone: Page, label: 'pre' | 'post', choose: Chooser) {
  await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click({ timeout: 20000 });
  const first = await phone.getByText(/ข้อ\s*1\s*จาก\s*(\d+)/).innerText();
  const total = Number(/จาก\s*(\d+)/.exec(first)?.[1]);
  expect(total).toBeGreaterThanOrEqual(10);
  for (let i = 1; i <= total; i++) {
    await phone.getByText(new RegExp(`ข้อ\\s*${i}\\s*จาก\\s*${total}`)).waitFor();
    // One question per screen: its options (radio buttons, or checkboxes where several may be right) and
    // nothing of the next question.
    const inputs = phone.locator('input[name^="question-"]');
    expect(await inputs.count()).toBeGreaterThanOrEqual(2);
    expect(await inputs.count()).toBeLessThanOrEqual(6);
    expect(new Set(await inputs.evaluateAll((all) => all.map((input) => (input as HTMLInputElement).name))).size).toBe(1);
    const questionId = ((await inputs.first().getAttribute('name')) ?? '').replace(/^question-/, '');
    const optionIds = await inputs.evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value));
    for (const index of await choose(questionId, optionIds)) await inputs.nth(index).check();
    if (i === 1) {
      // The stem is Thai and drawn with a Thai font, not as boxes.
      expect(await phone.locator('legend').first().innerText()).toMatch(/[ก-๙]/);
      expect((await renderedFonts(phone, 'legend')).join(',')).toMatch(THAI_FONT);
      expect(await scrollsSideways(phone)).toBe(false);
      await phone.screenshot({ path: join(ARTIFACTS, `trainee-${label}-question.png`) });
    }
    if (i < total) await phone.getByRole('button', { name: 'ถัดไป' }).click();
  }
  await phone.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await phone.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
  // Partial credit on a multiple-choice question can leave a decimal score (shown to one decimal); the percent is the server's.
  const result = await phone.getByText(/ได้\s*[\d.]+\s*จาก\s*\d+\s*คะแนน/).first().innerText();
  await phone.screenshot({ path: join(ARTIFACTS, `trainee-${label}-result.png`) });
  const [, score, max, percent] = /ได้\s*([\d.]+)\s*จาก\s*(\d+)\s*คะแนน\s*\(([\d.]+)%\)/.exec(result) ?? [];
  return { score: Number(score), max: Number(max), percent: Number(percent) };
}

/** As the page shows percentages: Thai locale, at most one decimal. */
function formatPercent(value: number): string {
  return new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 }).format(value);
}

function tomorrowInBangkok(): string {
  const bangkokNow = new Date(Date.now() + 7 * 60 * 60 * 1000);
  bangkokNow.setUTCDate(bangkokNow.getUTCDate() + 1);
  return bangkokNow.toISOString().slice(0, 10);
}
