import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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
  scrollsSideways,
  signedIn,
  type SpecOrganization,
} from '../support/browser';
import { nextYear } from '../support/dates';

/*
 * This file works in an organization of its own: a session of its 1.3.1 on 2 June next year, whose default
 * satisfaction survey it answers.
 */
const ARTIFACTS = join(__dirname, '../artifacts');

interface SurveyQuestion {
  id: string;
  stem: string;
}

describe('survey results: what trainees answered, item by item, for organizers and managers', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows the respondents, each item’s mean and share answering 4–5, and the count at each level', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const session = await createProgramSession(context.request, '1.3.1', {
      capacity: 40,
      title: 'กฎหมายท้องถิ่น รุ่นผลแบบสำรวจ',
      startsAt: `${nextYear('06-02')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-02')}T12:00:00+07:00`,
      venue: 'ห้องประชุมสภา อบต.พร่อน',
    });
    const survey = await openTest(context.request, session, 'survey');

    // Before anyone answers, the page says so instead of showing empty figures.
    await organizer.goto(`/sessions/${session.id}`);
    await openSessionPart(organizer, 'tests');
    const card = organizer.getByRole('region', { name: survey.title, exact: true });
    await card.getByRole('link', { name: 'ดูผลแบบสำรวจ' }).click();
    await organizer.waitForURL(`**/sessions/${session.id}/surveys/${survey.id}/results`);
    await organizer.getByRole('heading', { level: 1, name: survey.title }).waitFor();
    await organizer.getByText('ผู้ตอบ 0 คน', { exact: true }).waitFor();
    await organizer.getByText('ยังไม่มีผู้ตอบแบบสำรวจนี้').waitFor();

    // Two phones answer: one 5 to every item; the other 3 to the first item, 4 to the rest, and leaves the last blank.
    const items = await answerSurvey(browser, session.joinCode, survey.id, 'นางสาวพึงใจ มากที่สุด', () => '5');
    const [firstItem, secondItem] = items;
    const lastItem = items[items.length - 1];
    if (items.length < 3) throw new Error('the satisfaction survey needs at least three items');
    await answerSurvey(browser, session.joinCode, survey.id, 'นายกลาง ปานกลาง', (question) =>
      question.id === firstItem.id ? '3' : question.id === lastItem.id ? null : '4',
    );

    await organizer.reload();
    await organizer.getByText('ผู้ตอบ 2 คน', { exact: true }).waitFor();
    await organizer.getByText('มาก–มากที่สุด: ร้อยละของผู้ตอบที่เลือก มาก หรือ มากที่สุด').waitFor();
    const one = itemResult(organizer, firstItem.stem);
    await one.getByText('ตอบข้อนี้ 2 คน', { exact: true }).waitFor();
    await one.getByText('ค่าเฉลี่ย 4.00 จาก 5', { exact: true }).waitFor();
    await one.getByText('มาก–มากที่สุด 50%', { exact: true }).waitFor();
    expect(await countAt(one, 'มากที่สุด (5)')).toBe('1');
    expect(await countAt(one, 'มาก (4)')).toBe('0');
    expect(await countAt(one, 'ปานกลาง (3)')).toBe('1');
    expect(await countAt(one, 'น้อยที่สุด (1)')).toBe('0');
    const two = itemResult(organizer, secondItem.stem);
    await two.getByText('ค่าเฉลี่ย 4.50 จาก 5', { exact: true }).waitFor();
    await two.getByText('มาก–มากที่สุด 100%', { exact: true }).waitFor();
    // The item the second person left blank counts only the one who answered it.
    const last = itemResult(organizer, lastItem.stem);
    await last.getByText('ตอบข้อนี้ 1 คน', { exact: true }).waitFor();
    await last.getByText('ค่าเฉลี่ย 5.00 จาก 5', { exact: true }).waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'survey-results-desktop.png'), fullPage: true });

    // A manager reads the same page on a phone, from the read-only session page, without sideways scrolling.
    const manager = await signedIn(await phoneContext(browser), org.manager);
    await manager.goto(`/sessions/${session.id}`);
    await openSessionPart(manager, 'tests');
    const managerCard = manager.getByRole('region', { name: survey.title, exact: true });
    expect(await managerCard.getByRole('button').count()).toBe(0);
    await managerCard.getByRole('link', { name: 'ดูผลแบบสำรวจ' }).click();
    await manager.waitForURL(`**/sessions/${session.id}/surveys/${survey.id}/results`);
    await manager.getByText('ผู้ตอบ 2 คน', { exact: true }).waitFor();
    await itemResult(manager, firstItem.stem).getByText('ค่าเฉลี่ย 4.00 จาก 5', { exact: true }).waitFor();
    expect(await scrollsSideways(manager)).toBe(false);
    await manager.screenshot({ path: join(ARTIFACTS, 'survey-results-phone.png'), fullPage: true });

    // The program-year's page pools the year's surveys item by item, and opens each session's survey.
    await manager.goto(`/indicators/${session.programId}/${session.fiscalYear}`);
    const pooled = manager.getByRole('region', { name: 'ผลแบบสำรวจของทั้งปี' });
    await pooled.getByText('ผู้ตอบ 2 ครั้ง จากแบบสำรวจ 1 ชุด', { exact: true }).waitFor();
    const row = pooled.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: firstItem.stem, exact: true }) });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['2', '4.00', '50%']);
    expect(await scrollsSideways(manager)).toBe(false);
    await pooled.getByRole('link', { name: `กฎหมายท้องถิ่น รุ่นผลแบบสำรวจ · ${survey.title}` }).click();
    await manager.waitForURL(`**/sessions/${session.id}/surveys/${survey.id}/results`);
  });
});

/**
 * One trainee on their own phone joins, starts the survey, answers each item with what `choose` gives
 * (null leaves it blank) and submits. Returns the items in the order this phone showed them.
 */
async function answerSurvey(
  browser: Browser,
  joinCode: string,
  surveyId: string,
  fullName: string,
  choose: (question: SurveyQuestion) => string | null,
): Promise<SurveyQuestion[]> {
  const phone = (await phoneContext(browser)).request;
  const join = `${baseUrl()}/api/join/${joinCode}`;
  await expectOk(phone.post(join, { data: { fullName, group: 'staff' } }));
  const attempt = await (await expectOk(phone.post(`${join}/assessments/${surveyId}/attempt`, { data: { attemptNumber: 1 } }))).json();
  const questions: SurveyQuestion[] = attempt.questions;
  for (const question of questions) {
    const value = choose(question);
    if (value === null) continue;
    await expectOk(phone.put(`${join}/attempts/${attempt.id}/answers/${question.id}`, { data: { optionIds: [value] } }));
  }
  await expectOk(
    phone.post(`${join}/attempts/${attempt.id}/submit`, { headers: { 'Idempotency-Key': randomUUID() }, data: { answers: {} } }),
  );
  return questions;
}

/** One statement's results, named by the statement. */
function itemResult(page: Page, stem: string): Locator {
  return page.getByRole('article', { name: stem, exact: true });
}

/** The number of people at one level in an item's count table. */
async function countAt(item: Locator, level: string): Promise<string> {
  return (await item.getByRole('row', { name: level }).getByRole('cell').first().innerText()).trim();
}
