import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  openTest,
  phoneContext,
  rightOptions,
  scrollsSideways,
  signedIn,
  type CreatedSession,
  type SpecOrganization,
} from '../support/browser';

/*
 * This file works in an organization of its own: one session of its 1.3.1 (youth) on 10 March 2025, in fiscal year
 * 2568, which a new manager then drills into from the indicators page.
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const GUARDIAN = 'นางผู้ปกครอง ลับเฉพาะ';

describe('program-year drill-down: did 1.3.1 meet its 80 % in 2568, who did not pass, which questions were bad?', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('answers it as a new manager on a phone: met or not with the pass rate, exactly who did not pass, one person’s answers, the flagged questions', async () => {
    const organizerContext = await desktopContext(browser);
    await signedIn(organizerContext, org.organizer);
    const session = await createProgramSession(organizerContext.request, '1.3.1', {
      capacity: 40,
      title: 'เยาวชนสุจริต รุ่นมีนาคม',
      startsAt: '2025-03-10T09:00:00+07:00',
      endsAt: '2025-03-10T16:00:00+07:00',
      venue: 'หอประชุมโรงเรียน',
    });
    expect(session.fiscalYear).toBe(2568);
    await openTest(organizerContext.request, session, 'pre_test');
    await openTest(organizerContext.request, session, 'post_test');

    // Four youths, each with a guardian's name on record. On the post-test everyone who took it gets the first
    // question right, so it is flagged too easy (p = 3/3 = 1.00 > 0.90).
    //   หนึ่ง: pre first half right, post all right → passed
    //   สอง:   pre all wrong, post all right → passed
    //   สาม:   pre all wrong, post only the first right → not passed
    //   สี่:    pre only → not passed, no post-test
    // Passed 2 of 4 = 50 % against the 80 % target: not met.
    const people = [
      { name: 'เด็กหญิงหนึ่ง ตั้งใจ', pre: (i: number, k: number) => i < k / 2, post: () => true },
      { name: 'เด็กชายสอง ขยัน', pre: () => false, post: () => true },
      { name: 'เด็กหญิงสาม ยังไม่ผ่าน', pre: () => false, post: (i: number) => i === 0 },
      { name: 'เด็กชายสี่ ไม่ได้ทำ', pre: () => false, post: null },
    ];
    let postStems: string[] = [];
    for (const person of people) {
      const phone = (await phoneContext(browser)).request;
      const joinUrl = `${baseUrl()}/api/join/${session.joinCode}`;
      await expectOk(phone.post(joinUrl, { data: { fullName: person.name, group: 'youth', ageBand: '15_17', guardianName: GUARDIAN } }));
      await takeTest(phone, session, 'pre_test', person.pre);
      if (person.post) postStems = await takeTest(phone, session, 'post_test', person.post);
    }

    // The manager, new to Sujarit, on a phone.
    const managerContext = await phoneContext(browser);
    const managerScripts: string[] = [];
    managerContext.on('response', (response) => managerScripts.push(response.url()));
    const manager = await signedIn(managerContext, org.manager);
    await manager.goto('/indicators');
    await manager.getByLabel('ปีงบประมาณ (พ.ศ.)').selectOption({ label: 'ปีงบประมาณ 2568' });
    const card = manager.getByRole('article').filter({ hasText: '1.3.1' });
    await card.getByText('ยังไม่ผ่านเกณฑ์', { exact: true }).waitFor();
    await card.getByRole('link', { name: 'ดูรายละเอียด', exact: false }).click();
    await manager.waitForURL(`**/indicators/${session.programId}/2568`);
    await manager.getByRole('heading', { level: 1, name: '1.3.1', exact: false }).waitFor();

    // Met or not, with the pass rate and its definition beside it.
    const figures = manager.getByRole('article').filter({ hasText: '1.3.1' });
    await figures.getByText('ยังไม่ผ่านเกณฑ์', { exact: true }).waitFor();
    await figures.getByText('50%', { exact: false }).first().waitFor();
    await figures.getByText('เป้าหมาย 80%', { exact: true }).waitFor();
    await figures.getByText('ผู้ที่ได้คะแนนหลังอบรมไม่ต่ำกว่า', { exact: false }).first().waitFor();

    // Who did not pass: exactly สาม and สี่.
    const peopleSection = manager.getByRole('region', { name: 'ผู้เข้าอบรม', exact: true });
    await peopleSection.getByRole('radio', { name: 'ไม่ผ่านเกณฑ์ (2)' }).check();
    await peopleSection.getByText('แสดง 2 คน', { exact: true }).waitFor();
    const names = await peopleSection.locator('tbody th[scope="row"] a').allTextContents();
    expect(names.sort()).toEqual(['เด็กชายสี่ ไม่ได้ทำ', 'เด็กหญิงสาม ยังไม่ผ่าน'].sort());
    await peopleSection.getByRole('radio', { name: 'ไม่ได้ทำหลังอบรม (1)' }).check();
    expect(await peopleSection.locator('tbody th[scope="row"] a').allTextContents()).toEqual(['เด็กชายสี่ ไม่ได้ทำ']);

    // The charts, each with its Thai title and a table beside it; the page fits the phone; no guardian anywhere.
    await manager.getByRole('figure', { name: 'คะแนนก่อนเทียบหลังอบรม รายคน' }).waitFor();
    await manager.getByRole('figure', { name: 'การกระจายของคะแนนก่อนและหลังอบรม' }).waitFor();
    await manager.getByRole('figure', { name: 'อัตราผู้ผ่านเกณฑ์และคะแนนเพิ่มขึ้นเฉลี่ย', exact: false }).waitFor();
    await manager.locator('.recharts-surface').first().waitFor();
    expect(await scrollsSideways(manager)).toBe(false);
    expect(await manager.locator('body').textContent()).not.toContain(GUARDIAN);
    await manager.screenshot({ path: join(ARTIFACTS, 'program-year-phone.png'), fullPage: true });

    // The chart library came with this page; a trainee's join and test pages never load it.
    expect(managerScripts.some((url) => /ProgramYearCharts-[\w-]+\.js$/.test(url))).toBe(true);
    const traineeContext = await phoneContext(browser);
    const traineeScripts: string[] = [];
    traineeContext.on('response', (response) => traineeScripts.push(response.url()));
    const trainee = await traineeContext.newPage();
    await trainee.goto(`/j/${session.joinCode}`);
    await trainee.getByRole('heading', { level: 1 }).first().waitFor();
    await trainee.waitForLoadState('networkidle');
    expect(traineeScripts.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(0);
    expect(traineeScripts.filter((url) => /ProgramYearCharts|recharts/.test(url))).toEqual([]);
    await traineeContext.close();

    // One person's attempts: สาม's post-test, the first question right and the others wrong.
    await peopleSection.getByRole('radio', { name: 'ไม่ผ่านเกณฑ์ (2)' }).check();
    await peopleSection.getByRole('link', { name: 'เด็กหญิงสาม ยังไม่ผ่าน' }).click();
    await manager.getByRole('heading', { level: 1, name: 'เด็กหญิงสาม ยังไม่ผ่าน' }).waitFor();
    await manager.getByText('ไม่ผ่านเกณฑ์', { exact: true }).first().waitFor();
    const post = manager.getByRole('region', { name: 'หลังอบรม · ครั้งที่ 1', exact: false });
    await post.getByText(postStems[0], { exact: false }).waitFor();
    expect(await post.locator('.program-year__answer--right').count()).toBe(1);
    expect(await post.locator('.program-year__answer--wrong').count()).toBe(postStems.length - 1);
    expect(await manager.locator('body').textContent()).not.toContain(GUARDIAN);
    expect(await scrollsSideways(manager)).toBe(false);
    await manager.screenshot({ path: join(ARTIFACTS, 'person-attempts-phone.png'), fullPage: true });

    // The session's post-test item analysis: the first question is flagged too easy.
    await manager.goBack();
    await manager.getByRole('link', { name: 'วิเคราะห์ข้อสอบหลังอบรม' }).click();
    await manager.waitForURL(`**/sessions/${session.id}/tests/*/items`);
    const first = manager.getByRole('article', { name: postStems[0], exact: true });
    await first.getByText('ง่ายเกินไป', { exact: true }).waitFor();
  });
});

/** Takes the session's test on the phone, right where `right(index, count)` says so; returns the stems in the test's order. */
async function takeTest(
  phone: APIRequestContext,
  session: CreatedSession,
  kind: 'pre_test' | 'post_test',
  right: (index: number, count: number) => boolean,
): Promise<string[]> {
  const joinUrl = `${baseUrl()}/api/join/${session.joinCode}`;
  const testId = session.assessments.find((a) => a.kind === kind)?.id as string;
  const attempt = await (await expectOk(phone.post(`${joinUrl}/assessments/${testId}/attempt`, { data: { attemptNumber: 1 } }))).json();
  const questions: { id: string; stem: string; options: { id: string }[] }[] = attempt.questions;
  const answers: Record<string, string[]> = {};
  for (const [index, question] of questions.entries()) {
    const optionIds = question.options.map((o) => o.id);
    const rightIndexes = await rightOptions(question.id, optionIds);
    answers[question.id] = right(index, questions.length)
      ? rightIndexes.map((i) => optionIds[i])
      : [optionIds.find((_, i) => !rightIndexes.includes(i)) as string];
  }
  await expectOk(phone.post(`${joinUrl}/attempts/${attempt.id}/submit`, { headers: { 'Idempotency-Key': randomUUID() }, data: { answers } }));
  return questions.map((q) => q.stem);
}
