import { AssessmentSettingsSchema } from '@sujarit/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import {
  baseUrl,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  moveServerClock,
  phoneContext,
  renderedFonts,
  scrollsSideways,
} from '../support/browser';
import { seriousAxeViolations } from '../support/axe';

/*
 * The trainee's phone and the assessment engine: multiple choice, a Likert survey, a time limit, retakes and the
 * review after close. This file works in an organization of its own: it writes its own questions into its program
 * 1.2.1 and gives every test of its sessions a fixed list of them. Deadlines pass by moving the server's clock and
 * the phone's together (POST /api/test/clock, playwright's clock), not by waiting for them.
 */
const RUN = Date.now().toString(36);
const ARTIFACTS = join(__dirname, '../artifacts');
/** Fonts from fonts-thai-tlwg and other Thai families; DejaVu or Liberation alone would draw boxes. */
const THAI_FONT = /Loma|Garuda|Norasi|Kinnari|Sawasdee|Tlwg|Umpush|Purisa|Waree|Laksaman|Noto Sans Thai|Noto Serif Thai|Sarabun/i;

interface OptionInput {
  text: string;
  weight: number;
}
interface QuestionInput {
  topic: string;
  type: 'single_choice' | 'multiple_choice' | 'true_false' | 'likert';
  stem: string;
  options: OptionInput[];
  explanation: string;
  points?: number;
}

const MULTIPLE: QuestionInput = {
  topic: `หลายคำตอบ ${RUN}`,
  type: 'multiple_choice',
  stem: 'ข้อใดเป็นหลักของปรัชญาของเศรษฐกิจพอเพียง (เลือกทุกข้อที่ถูก)',
  options: [
    { text: 'ความพอประมาณ', weight: 50 },
    { text: 'ความมีเหตุผล', weight: 50 },
    { text: 'กู้เงินมาลงทุนให้มากที่สุด', weight: -50 },
    { text: 'ใช้จ่ายตามกระแสนิยม', weight: 0 },
  ],
  explanation: 'หลักความพอประมาณและความมีเหตุผลเป็นสองในสามห่วงของปรัชญาของเศรษฐกิจพอเพียง',
  points: 2,
};
const GIFT_RULE: QuestionInput = {
  topic: `เลือกตอบ ${RUN}`,
  type: 'single_choice',
  stem: 'ผู้รับเงินหรือทรัพย์สินจากผู้รับเหมาที่ติดต่องานกับหน่วยงาน ควรทำอย่างไร',
  options: [
    { text: 'ปฏิเสธและรายงานผู้บังคับบัญชา', weight: 100 },
    { text: 'รับไว้ถ้ามูลค่าไม่มาก', weight: 0 },
    { text: 'รับไว้แล้วแบ่งให้เพื่อนร่วมงาน', weight: 0 },
  ],
  explanation: 'การรับทรัพย์สินจากผู้มีส่วนได้เสียกับงานที่ตนรับผิดชอบเป็นผลประโยชน์ทับซ้อน',
};
const CONFLICT: QuestionInput = {
  topic: `เลือกตอบ ${RUN}`,
  type: 'single_choice',
  stem: 'การใช้รถยนต์ของหน่วยงานไปธุระส่วนตัวเป็นการกระทำแบบใด',
  options: [
    { text: 'การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน', weight: 100 },
    { text: 'เป็นสิทธิของเจ้าหน้าที่', weight: 0 },
  ],
  explanation: 'ทรัพย์สินของราชการใช้เพื่องานราชการเท่านั้น',
};
const LIKERT_STEMS = ['ท่านนำหลักความพอประมาณไปใช้ในการใช้จ่ายของครัวเรือน', 'ท่านวางแผนการเงินโดยคำนึงถึงความเสี่ยง'];

describe('a trainee takes the new kinds of tests on a phone', () => {
  let browser: Browser;
  let organizer: APIRequestContext;
  let programId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    organizer = (await desktopContext(browser)).request;
    const organization = await createSpecOrganization();
    await expectOk(organizer.post(`${baseUrl()}/api/auth/login`, { data: organization.organizer }));
    const programs = await (await expectOk(organizer.get(`${baseUrl()}/api/programs`))).json();
    programId = programs.programs.find((p: { code: string }) => p.code === '1.2.1').id;
    ids.multiple = await createQuestion(organizer, programId, MULTIPLE);
    ids.giftRule = await createQuestion(organizer, programId, GIFT_RULE);
    ids.conflict = await createQuestion(organizer, programId, CONFLICT);
    for (const [index, stem] of LIKERT_STEMS.entries()) {
      ids[`likert${index}`] = await createQuestion(organizer, programId, { topic: `ติดตามผล ${RUN}`, type: 'likert', stem, options: [], explanation: '' });
    }
  });

  afterAll(async () => {
    // The server is shared with the files after this one: they start on the real time.
    await moveServerClock({ reset: true });
    await browser?.close();
  });

  it('answers multiple choice with checkboxes, takes a second try, and answers a Likert survey', async () => {
    const session = await createSession(organizer, programId, `ค่ายเศรษฐกิจพอเพียง ${RUN}`);
    const pre = assessmentOf(session, 'pre_test');
    const post = assessmentOf(session, 'post_test');
    await configure(organizer, pre.id, { selection: { mode: 'fixed', questionIds: [ids.multiple] }, attemptsAllowed: 2 });
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${pre.id}/open`));
    // The post-test opens tomorrow at 13:30 Bangkok time: published, but not yet open.
    const opensAt = `${bangkokDate(1)}T13:30:00+07:00`;
    await configure(organizer, post.id, { opensAt });
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${post.id}/open`));
    const surveyTitle = `แบบติดตามผลการนำไปใช้ ${RUN}`;
    const survey = await (
      await expectOk(
        organizer.post(`${baseUrl()}/api/sessions/${session.id}/assessments`, {
          data: { title: surveyTitle, selection: { mode: 'fixed', questionIds: [ids.likert0, ids.likert1] } },
        }),
      )
    ).json();
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${survey.id}/open`));

    const context = await phoneContext(browser);
    const phone = await context.newPage();
    await joinAsWalkIn(phone, session.joinCode, 'นางสาวพอเพียง ใช้ชีวิต');

    // Every test and survey of the session is listed with its title and where it stands.
    const preCard = phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' });
    await preCard.getByText('ทำได้ 2 ครั้ง').waitFor();
    const postCard = phone.getByRole('region', { name: 'แบบทดสอบหลังอบรม' });
    // "น." stays on the line of its time (a no-break space).
    await postCard.getByText(new RegExp(`^เปิดให้ทำ วันที่ ${thaiShortDate(opensAt)} เวลา 13:30\\sน\\.$`)).waitFor();
    expect(await postCard.getByRole('button').count()).toBe(0);
    const surveyCard = phone.getByRole('region', { name: surveyTitle });
    await surveyCard.getByText('แบบสำรวจ', { exact: true }).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-assessments.png'), fullPage: true });

    // Multiple choice: checkboxes, and the screen says more than one may be chosen.
    await preCard.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    await phone.getByText('เลือกได้มากกว่า 1 ข้อ').waitFor();
    expect(await phone.getByRole('checkbox').count()).toBe(4);
    expect(await phone.getByRole('radio').count()).toBe(0);
    await phone.getByRole('checkbox', { name: 'ความพอประมาณ' }).check();
    await phone.getByRole('checkbox', { name: 'ความมีเหตุผล' }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    expect((await renderedFonts(phone, 'legend')).join(',')).toMatch(THAI_FONT);
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-multiple-choice.png') });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    const saved = await resume(context.request, session.joinCode, pre.id, 1);
    expect([...saved.answers[ids.multiple]].sort()).toEqual(
      saved.questions[0].options
        .filter((o: { text: string }) => o.text === 'ความพอประมาณ' || o.text === 'ความมีเหตุผล')
        .map((o: { id: string }) => o.id)
        .sort(),
    );
    await submit(phone);
    await phone.getByText('ได้ 2 จาก 2 คะแนน (100%)').waitFor();

    // Back on the session page: the score, one of two tries used, and a second try offered.
    await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await preCard.getByText('ได้ 2 จาก 2 คะแนน (100%)').waitFor();
    await preCard.getByText(/ทำแล้ว 1 จาก 2 ครั้ง/).waitFor();
    await preCard.getByRole('button', { name: 'ทำอีกครั้ง (ครั้งที่ 2 จาก 2)' }).click();
    await phone.getByText(/ครั้งที่ 2/).waitFor();
    expect(await phone.getByRole('checkbox', { checked: true }).count()).toBe(0);
    // Half the right options, none wrong: half the points (partial credit).
    await phone.getByRole('checkbox', { name: 'ความพอประมาณ' }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await submit(phone);
    await phone.getByText('ได้ 1 จาก 2 คะแนน (50%)').waitFor();
    await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await preCard.getByText(/ทำแล้ว 2 จาก 2 ครั้ง/).waitFor();
    expect(await preCard.getByRole('button', { name: /ทำอีกครั้ง/ }).count()).toBe(0);

    // The Likert survey: five levels side by side, each a thumb-sized target, the row within the screen.
    await surveyCard.getByRole('button', { name: 'เริ่มตอบแบบสำรวจ' }).click();
    await phone.getByText(LIKERT_STEMS[0]).waitFor();
    const levels = phone.getByRole('radio');
    expect(await levels.count()).toBe(5);
    for (const label of ['มากที่สุด', 'มาก', 'ปานกลาง', 'น้อย', 'น้อยที่สุด']) {
      const level = phone.locator('label').filter({ has: phone.getByRole('radio', { name: label, exact: true }) });
      const box = (await level.boundingBox()) ?? { x: -1, y: -1, width: 0, height: 0 };
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(box.width).toBeGreaterThanOrEqual(48);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await scrollsSideways(phone)).toBe(false);
    expect((await renderedFonts(phone, 'legend')).join(',')).toMatch(THAI_FONT);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-likert.png') });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('radio', { name: 'มาก', exact: true }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();
    await phone.getByText(LIKERT_STEMS[1]).waitFor();
    await phone.getByRole('radio', { name: 'มากที่สุด', exact: true }).check();
    await submit(phone);
    await phone.getByText('ขอบคุณที่ตอบแบบสำรวจ').waitFor();
    expect(await phone.getByText(/คะแนน/).count()).toBe(0);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await surveyCard.getByText('ขอบคุณที่ตอบแบบสำรวจ').waitFor();
    const answered = await resume(context.request, session.joinCode, survey.id, 1);
    expect(answered.submitted).toBe(true);
  });

  it('shows the time left on a timed test and hands in the saved answers when it runs out', async () => {
    const session = await createSession(organizer, programId, `รุ่นจับเวลา ${RUN}`);
    const pre = assessmentOf(session, 'pre_test');
    await configure(organizer, pre.id, {
      selection: { mode: 'fixed', questionIds: [ids.giftRule, ids.conflict] },
      timeLimitMinutes: 1,
    });
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${pre.id}/open`));

    const context = await phoneContext(browser);
    // The phone's own clock, which its countdown reads, is moved with the server's.
    await context.clock.install();
    const phone = await context.newPage();
    await joinAsWalkIn(phone, session.joinCode, 'นายรีบ ทันเวลา');
    const card = phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' });
    // The time limit is known before starting.
    await card.getByText(/เวลาทำ 1 นาที/).waitFor();
    await card.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();

    const countdown = phone.getByRole('timer');
    await countdown.waitFor();
    expect(await countdown.innerText()).toMatch(/^เหลือเวลา [01]:\d\d$/);
    // Within the last minute from the start: the quiet warning is there.
    await phone.getByText(/เหลือไม่ถึง 1 นาที/).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-countdown.png') });

    await phone.getByRole('radio', { name: GIFT_RULE.options[0].text }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();
    // The trainee ponders the second question until the time is up; the phone hands in by itself.
    const { deadlineAt } = await resume(context.request, session.joinCode, pre.id, 1);
    await passTheTimeUntil(context, Date.parse(deadlineAt) + 1_000);
    await phone.getByText('หมดเวลา ระบบส่งคำตอบที่บันทึกไว้ให้แล้ว').waitFor({ timeout: 20_000 });
    await phone.getByText('ได้ 1 จาก 2 คะแนน (50%)').waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-time-up.png') });
    expect(await seriousAxeViolations(phone)).toEqual([]);
    // Handed in: nothing of the attempt is left waiting on the phone.
    expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sujarit.attempt.')))).toEqual([]);

    await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await card.getByText('ได้ 1 จาก 2 คะแนน (50%)').waitFor();
    expect(await card.getByRole('button', { name: /ทำต่อ|เริ่มทำ/ }).count()).toBe(0);
  });

  it('hands in the answers given offline when the line comes back within the grace after the time ran out', async () => {
    const session = await createSession(organizer, programId, `รุ่นสัญญาณหาย ${RUN}`);
    const pre = assessmentOf(session, 'pre_test');
    const closesAt = new Date(Date.now() + 10 * 60_000).toISOString();
    await configure(organizer, pre.id, { selection: { mode: 'fixed', questionIds: [ids.giftRule, ids.conflict] }, closesAt });
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${pre.id}/open`));

    const context = await phoneContext(browser);
    await context.clock.install();
    const phone = await context.newPage();
    await joinAsWalkIn(phone, session.joinCode, 'นางสาวสัญญาณ อ่อน');
    await phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' }).getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    await phone.getByRole('timer').waitFor();
    await phone.getByRole('radio', { name: GIFT_RULE.options[0].text }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();

    // The line drops; the second answer stays on the phone, and the time runs out while it is offline.
    await context.setOffline(true);
    await phone.getByRole('radio', { name: CONFLICT.options[0].text }).check();
    await passTheTimeUntil(context, Date.parse(closesAt) + 2_000);
    await phone.getByText('หมดเวลา', { exact: true }).waitFor({ timeout: 20_000 });
    await phone.getByText(/ยังส่งไม่ได้เพราะการเชื่อมต่อขาดหาย/).waitFor();
    expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sujarit.attempt.')).length)).toBeGreaterThan(0);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-offline-at-deadline.png') });

    // Back within the 30 s grace: the phone hands in what it held, and both answers count.
    await context.setOffline(false);
    await phone.getByText('ได้ 2 จาก 2 คะแนน (100%)').waitFor({ timeout: 20_000 });
    await phone.getByText('หมดเวลา ระบบส่งคำตอบที่บันทึกไว้ให้แล้ว').waitFor();
    expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sujarit.attempt.')))).toEqual([]);
  }, 120_000);

  it('shows the score only once the organizer closes the test, then the review with the right answers', async () => {
    const session = await createSession(organizer, programId, `รุ่นดูเฉลย ${RUN}`);
    const pre = assessmentOf(session, 'pre_test');
    await configure(organizer, pre.id, {
      selection: { mode: 'fixed', questionIds: [ids.giftRule, ids.conflict] },
      resultsVisibility: 'after_close',
      reviewVisibility: 'after_close',
    });
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${pre.id}/open`));

    const phone = await (await phoneContext(browser)).newPage();
    await joinAsWalkIn(phone, session.joinCode, 'นายใฝ่รู้ ตรวจทาน');
    const card = phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' });
    await card.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    // The first right, the second wrong.
    await phone.getByRole('radio', { name: GIFT_RULE.options[0].text }).check();
    await phone.getByText('บันทึกแล้ว').waitFor();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();
    await phone.getByRole('radio', { name: CONFLICT.options[1].text }).check();
    await submit(phone);
    await phone.getByText('คะแนนจะแสดงเมื่อปิดแบบทดสอบ').waitFor();
    expect(await phone.getByText(/ได้ \d+ จาก/).count()).toBe(0);
    await phone.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await card.getByText('คะแนนจะแสดงเมื่อปิดแบบทดสอบ').waitFor();
    expect(await card.getByRole('link', { name: 'ดูเฉลยและคำอธิบาย' }).count()).toBe(0);

    // The organizer closes the test; the phone's page shows the score and the review by itself.
    await expectOk(organizer.post(`${baseUrl()}/api/assessments/${pre.id}/close`));
    await card.getByText('ได้ 1 จาก 2 คะแนน (50%)').waitFor({ timeout: 20_000 });
    await card.getByText('ปิดแบบทดสอบแล้ว', { exact: true }).waitFor();
    await card.getByRole('link', { name: 'ดูเฉลยและคำอธิบาย' }).click();

    await phone.getByRole('heading', { level: 1, name: 'แบบทดสอบก่อนอบรม' }).waitFor();
    const items = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 2 }) });
    expect(await items.count()).toBe(2);
    const first = items.filter({ hasText: GIFT_RULE.stem });
    await first.getByText('ได้ 1 จาก 1 คะแนน').waitFor();
    await first.getByText(GIFT_RULE.explanation).waitFor();
    const firstChoice = first.getByRole('listitem').filter({ hasText: GIFT_RULE.options[0].text });
    expect(await firstChoice.innerText()).toContain('คำตอบของคุณ');
    expect(await firstChoice.innerText()).toContain('คำตอบที่ถูก');

    const second = items.filter({ hasText: CONFLICT.stem });
    await second.getByText('ได้ 0 จาก 1 คะแนน').waitFor();
    await second.getByText(CONFLICT.explanation).waitFor();
    const chosenWrong = second.getByRole('listitem').filter({ hasText: CONFLICT.options[1].text });
    expect(await chosenWrong.innerText()).toContain('คำตอบของคุณ');
    expect(await chosenWrong.innerText()).not.toContain('คำตอบที่ถูก');
    const right = second.getByRole('listitem').filter({ hasText: CONFLICT.options[0].text });
    expect(await right.innerText()).toContain('คำตอบที่ถูก');
    expect(await right.innerText()).not.toContain('คำตอบของคุณ');

    expect(await scrollsSideways(phone)).toBe(false);
    expect((await renderedFonts(phone, '.review-question__stem')).join(',')).toMatch(THAI_FONT);
    await phone.screenshot({ path: join(ARTIFACTS, 'trainee-review.png'), fullPage: true });
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});

/**
 * Time passes for the server and the phone alike until `momentMs` on the server's clock: both clocks jump ahead by
 * the same amount (the phone's countdown trusts only their difference), firing the phone's due timers.
 */
async function passTheTimeUntil(phone: BrowserContext, momentMs: number) {
  const { now } = await moveServerClock({ advanceMs: 0 });
  const ms = Math.max(0, momentMs - Date.parse(now));
  await moveServerClock({ advanceMs: ms });
  await phone.clock.fastForward(ms);
}

/** Registers on the phone as a walk-in, which checks the person in. */
async function joinAsWalkIn(phone: Page, joinCode: string, fullName: string) {
  await phone.goto(`/j/${joinCode}`);
  await phone.getByLabel('ชื่อ-นามสกุล').fill(fullName);
  await phone.getByLabel('กลุ่ม').selectOption('citizen');
  await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
  await phone.getByText(`ลงทะเบียนแล้ว: ${fullName}`).waitFor();
}

async function submit(phone: Page) {
  await phone.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await phone.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
}

/** What the server holds of the phone's attempt (resuming is harmless: it never starts another). */
async function resume(phone: APIRequestContext, joinCode: string, assessmentId: string, attemptNumber: number) {
  const response = await expectOk(
    phone.post(`${baseUrl()}/api/join/${joinCode}/assessments/${assessmentId}/attempt`, { data: { attemptNumber } }),
  );
  return response.json();
}

async function createQuestion(organizer: APIRequestContext, programId: string, question: QuestionInput): Promise<string> {
  const response = await expectOk(organizer.post(`${baseUrl()}/api/programs/${programId}/questions`, { data: question }));
  return (await response.json()).id;
}

interface SessionWithTests {
  id: string;
  joinCode: string;
  assessments: { id: string; kind: string }[];
}

/** A session three days from now, taking walk-ins. */
async function createSession(organizer: APIRequestContext, programId: string, title: string): Promise<SessionWithTests> {
  const day = bangkokDate(3);
  const response = await expectOk(
    organizer.post(`${baseUrl()}/api/sessions`, {
      data: { programId, title, startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T16:00:00+07:00`, venue: 'ห้องประชุม อบต.พร่อน', capacity: 60 },
    }),
  );
  return response.json();
}

function assessmentOf(session: SessionWithTests, kind: string) {
  const found = session.assessments.find((a) => a.kind === kind);
  if (!found) throw new Error(`the session has no ${kind}`);
  return found;
}

// Every field the settings form sends: the API takes the whole set.
const SETTINGS_FIELDS = Object.keys(AssessmentSettingsSchema.shape);

/** Changes some of a test's settings, keeping the rest as they are (the API takes the whole set). */
async function configure(organizer: APIRequestContext, assessmentId: string, changes: Record<string, unknown>) {
  const detail = await (await expectOk(organizer.get(`${baseUrl()}/api/assessments/${assessmentId}`))).json();
  const settings = Object.fromEntries(SETTINGS_FIELDS.map((field) => [field, detail[field]]));
  await expectOk(organizer.put(`${baseUrl()}/api/assessments/${assessmentId}`, { data: { ...settings, ...changes } }));
}

/** The date in Bangkok `days` from today, as YYYY-MM-DD. */
function bangkokDate(days: number): string {
  const bangkok = new Date(Date.now() + 7 * 60 * 60 * 1000);
  bangkok.setUTCDate(bangkok.getUTCDate() + days);
  return bangkok.toISOString().slice(0, 10);
}

/** As the trainee's page writes a date: Buddhist Era, Bangkok, e.g. "15 ม.ค. 2569". */
function thaiShortDate(iso: string): string {
  return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}
