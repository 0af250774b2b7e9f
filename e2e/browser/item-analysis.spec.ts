import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  openSessionPart,
  openTest,
  phoneContext,
  rightOptions,
  scrollsSideways,
  signedIn,
  type SpecOrganization,
  testCard,
} from '../support/browser';
import { nextYear } from '../support/dates';

/* This file works in an organization of its own: a session of its 1.1.1 on 3 June next year, whose pre-test it analyses. */
const ARTIFACTS = join(__dirname, '../artifacts');

describe('item analysis: how each question of a test worked, for organizers and managers', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows each question’s difficulty, discrimination and point-biserial with their definitions, and the small-group note', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const session = await createProgramSession(context.request, '1.1.1', {
      capacity: 40,
      title: 'ธรรมาภิบาล รุ่นวิเคราะห์ข้อสอบ',
      startsAt: `${nextYear('06-03')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-03')}T12:00:00+07:00`,
      venue: 'ห้องประชุม อบต.',
    });
    const pre = await openTest(context.request, session, 'pre_test');

    // Three people: one all right, one all wrong, one right on the first question only. On the first question
    // p = 2/3 = 0.67; the 27 % groups are one person each (round(0.81)), the top (all right) and the bottom (all
    // wrong), so D = 1 − 0 = 1.00; with x = (1, 0, 1) and rest-scores (k−1, 0, 0) for k questions,
    // r = ((k−1)/9) / √((2/9) · (2/9)(k−1)²) = 0.50 whatever k is.
    const stems = await takeTest(browser, session.joinCode, pre.id, 'นายถูก ทุกข้อ', () => true);
    await takeTest(browser, session.joinCode, pre.id, 'นายผิด ทุกข้อ', () => false);
    await takeTest(browser, session.joinCode, pre.id, 'นางสาวถูก ข้อแรก', (index) => index === 0);

    await organizer.goto(`/sessions/${session.id}`);
    await openSessionPart(organizer, 'tests');
    await testCard(organizer, pre.title).getByRole('link', { name: 'วิเคราะห์ข้อสอบ' }).click();
    await organizer.waitForURL(`**/sessions/${session.id}/tests/${pre.id}/items`);
    await organizer.getByRole('heading', { level: 1, name: pre.title }).waitFor();
    await organizer.getByText('ผู้สอบ 3 คน', { exact: true }).waitFor();
    await organizer.getByText('ผู้สอบน้อยกว่า 30 คน', { exact: false }).waitFor();
    await organizer.getByText('สัดส่วนผู้ตอบถูก 0–1 ยิ่งสูงยิ่งง่าย', { exact: false }).waitFor();
    await organizer.getByText('ความเชื่อมั่น (KR-20)', { exact: false }).first().waitFor();
    const first = organizer.getByRole('article', { name: stems[0], exact: true });
    await first.getByText('ตอบถูก 2 คน', { exact: true }).waitFor();
    await first.getByText('ความยาก (p) 0.67', { exact: true }).waitFor();
    await first.getByText('อำนาจจำแนก (D) 1.00', { exact: true }).waitFor();
    await first.getByText('สหสัมพันธ์พอยต์ไบซีเรียล (r) 0.50', { exact: true }).waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'item-analysis-desktop.png'), fullPage: true });

    // A manager reads the same page on a phone without sideways scrolling.
    const manager = await signedIn(await phoneContext(browser), org.manager);
    await manager.goto(`/sessions/${session.id}/tests/${pre.id}/items`);
    await manager.getByText('ผู้สอบ 3 คน', { exact: true }).waitFor();
    await manager.getByRole('article', { name: stems[0], exact: true }).getByText('ความยาก (p) 0.67', { exact: true }).waitFor();
    expect(await scrollsSideways(manager)).toBe(false);
    await manager.screenshot({ path: join(ARTIFACTS, 'item-analysis-phone.png'), fullPage: true });
  });
});

/**
 * One trainee on their own phone joins, takes the test answering right where `right(index)` says so and wrong
 * elsewhere, and submits. Returns the question stems in the order the test holds them (not shuffled by default).
 */
async function takeTest(browser: Browser, joinCode: string, testId: string, fullName: string, right: (index: number) => boolean): Promise<string[]> {
  const phone = (await phoneContext(browser)).request;
  const joinUrl = `${baseUrl()}/api/join/${joinCode}`;
  await expectOk(phone.post(joinUrl, { data: { fullName, group: 'staff' } }));
  const attempt = await (await expectOk(phone.post(`${joinUrl}/assessments/${testId}/attempt`, { data: { attemptNumber: 1 } }))).json();
  const questions: { id: string; stem: string; options: { id: string }[] }[] = attempt.questions;
  for (const [index, question] of questions.entries()) {
    const optionIds = question.options.map((o) => o.id);
    const rightIndexes = await rightOptions(question.id, optionIds);
    const chosen = right(index) ? rightIndexes.map((i) => optionIds[i]) : [optionIds.find((_, i) => !rightIndexes.includes(i)) as string];
    await expectOk(phone.put(`${joinUrl}/attempts/${attempt.id}/answers/${question.id}`, { data: { optionIds: chosen } }));
  }
  await expectOk(phone.post(`${joinUrl}/attempts/${attempt.id}/submit`, { headers: { 'Idempotency-Key': randomUUID() }, data: { answers: {} } }));
  return questions.map((q) => q.stem);
}
