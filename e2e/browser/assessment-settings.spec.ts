import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  fillDateTime,
  launchChromium,
  openSessionPart,
  phoneContext,
  signedIn,
  type SpecOrganization,
  testCard,
} from '../support/browser';
import { NEXT_YEAR_BE, nextYear, thaiWeekday } from '../support/dates';

/*
 * This file works in an organization of its own: a session of its 1.3.1 on 12 May next year (so it never
 * passes into the past), with the bank the template gives the program.
 */
const SESSION_DAY = nextYear('05-12');
const ARTIFACTS = join(__dirname, '../artifacts');
const SATISFACTION_TOPIC = 'ความพึงพอใจต่อการอบรม';

interface BankQuestion {
  id: string;
  topic: string;
  type: string;
  stem: string;
  archived: boolean;
}

describe('test settings per session: draw, time limit, shuffle, a parallel post-test and a survey', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer sets the pre-test, makes the post-test a parallel form and adds a satisfaction survey', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const session = await createProgramSession(context.request, '1.3.1', {
      capacity: 40,
      title: 'กฎหมายท้องถิ่น รุ่นตั้งค่าแบบทดสอบ',
      startsAt: `${SESSION_DAY}T09:00:00+07:00`,
      endsAt: `${SESSION_DAY}T12:00:00+07:00`,
      venue: 'ห้องประชุมสภา อบต.พร่อน',
    });
    const bank = await bankOf(context.request, session.programId);
    const scored = bank.filter((q) => q.type !== 'likert');
    // The first topic with five questions to draw from, and three questions of another topic for the post-test.
    const drawTopic = topicsOf(scored).find((topic) => scored.filter((q) => q.topic === topic).length >= 5);
    if (!drawTopic) throw new Error('1.3.1 has no topic with 5 questions');
    const postPicks = scored.filter((q) => q.topic !== drawTopic).slice(0, 3);
    // Two Likert items in a topic of this file's own (not the satisfaction topic, which would give every new session a survey).
    for (const stem of ['วิทยากรอธิบายเข้าใจง่าย (รุ่นตั้งค่า)', 'นำความรู้ไปใช้ในงานได้ (รุ่นตั้งค่า)']) {
      await expectOk(
        context.request.post(`${baseUrl()}/api/programs/${session.programId}/questions`, {
          data: { topic: 'ความเห็นต่อการอบรม รุ่นตั้งค่า', type: 'likert', stem },
        }),
      );
    }
    const likert = (await bankOf(context.request, session.programId)).filter((q) => q.type === 'likert');
    // The form ticks the bank's satisfaction items, or every Likert item when the program has none.
    const satisfaction = likert.filter((q) => q.topic === SATISFACTION_TOPIC);
    const surveyItems = satisfaction.length > 0 ? satisfaction : likert;

    // The pre-test: five questions drawn from one topic, 10 minutes, shuffled, within a window in Bangkok time.
    // Saved settings and a new survey lead back to the session page's tests.
    const sessionTests = new RegExp(`/sessions/${session.id}\\?part=tests$`);
    await organizer.goto(`/sessions/${session.id}`);
    await openSessionPart(organizer, 'tests');
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('link', { name: 'ตั้งค่า' }).click();
    const preForm = organizer.getByRole('form', { name: 'ตั้งค่าแบบทดสอบก่อนอบรม' });
    await preForm.waitFor();
    await preForm.getByLabel('สุ่มจากแต่ละหัวข้อ').check();
    // Asking for more than the topic holds is refused beside the topic, before anything is sent.
    await preForm.getByLabel(drawTopic, { exact: true }).fill('99');
    await preForm.getByLabel('เวลาทำ (นาที, ไม่บังคับ)').fill('10');
    await preForm.getByLabel('สลับลำดับข้อ').check();
    await preForm.getByLabel('สลับลำดับตัวเลือก').check();
    // One day typed on the Buddhist calendar, the other as an ISO date: both are 12 May (the API gets Gregorian).
    await fillDateTime(preForm, 'เริ่มทำได้ตั้งแต่ (ไม่บังคับ)', `12/5/${NEXT_YEAR_BE}`, '09:00');
    await fillDateTime(preForm, 'ปิดรับคำตอบเมื่อ (ไม่บังคับ)', SESSION_DAY, '09:45');
    await preForm.getByText(`วัน${thaiWeekday(SESSION_DAY)}ที่ 12 พฤษภาคม ${NEXT_YEAR_BE} เวลา 09:00 น.`).waitFor();
    await preForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    const available = scored.filter((q) => q.topic === drawTopic).length;
    await preForm.getByText(`หัวข้อนี้มีในคลังเพียง ${available} ข้อ`).waitFor();
    // What was typed is all still there.
    expect(await preForm.getByLabel('เวลาทำ (นาที, ไม่บังคับ)').inputValue()).toBe('10');
    expect(await preForm.getByLabel('สลับลำดับข้อ').isChecked()).toBe(true);
    await preForm.getByLabel(drawTopic, { exact: true }).fill('5');
    await preForm.getByText('รวมสุ่ม 5 ข้อ').waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'assessment-settings-pre-desktop.png'), fullPage: true });
    await preForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();

    await organizer.waitForURL(sessionTests);
    await organizer.getByText('บันทึกการตั้งค่าแบบทดสอบก่อนอบรมแล้ว').waitFor();
    const preCard = testCard(organizer, 'แบบทดสอบก่อนอบรม');
    await preCard.getByText('5 ข้อ', { exact: true }).waitFor();
    await preCard.getByText('10 นาที', { exact: true }).waitFor();
    await preCard.getByText(`12 พ.ค. ${NEXT_YEAR_BE} 09:00 – 12 พ.ค. ${NEXT_YEAR_BE} 09:45`).waitFor();
    await preCard.getByText('ยังไม่เปิด', { exact: true }).waitFor();

    const pre = await assessmentOf(context.request, session.id, 'pre_test');
    expect(pre.selection).toEqual({ mode: 'random_per_topic', perTopic: [{ topic: drawTopic, count: 5 }] });
    expect(pre.questions).toHaveLength(5);
    expect(pre.questions.every((q: { topic: string }) => q.topic === drawTopic)).toBe(true);
    expect(pre).toMatchObject({ timeLimitMinutes: 10, shuffleQuestions: true, shuffleOptions: true, attemptsAllowed: 1 });
    expect(Date.parse(pre.opensAt)).toBe(Date.parse(`${SESSION_DAY}T02:00:00Z`));
    expect(Date.parse(pre.closesAt)).toBe(Date.parse(`${SESSION_DAY}T02:45:00Z`));

    // The post-test starts as the pre-test's questions; the organizer makes it a parallel form of three.
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByRole('link', { name: 'ตั้งค่า' }).click();
    const postForm = organizer.getByRole('form', { name: 'ตั้งค่าแบบทดสอบหลังอบรม' });
    await postForm.waitFor();
    const samePre = postForm.getByLabel('ใช้ข้อสอบชุดเดียวกับแบบทดสอบก่อนอบรม (จับคู่คะแนนก่อน–หลังได้)');
    expect(await samePre.isChecked()).toBe(true);
    await postForm.getByLabel('เลือกข้อเอง').check();
    for (const question of postPicks) {
      await postForm.getByRole('checkbox', { name: endingWith(question.stem) }).check();
    }
    await postForm.getByText('เลือกแล้ว 3 ข้อ').waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'assessment-settings-post-desktop.png'), fullPage: true });
    await postForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await organizer.waitForURL(sessionTests);
    await organizer.getByText('บันทึกการตั้งค่าแบบทดสอบหลังอบรมแล้ว').waitFor();
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByText('3 ข้อ', { exact: true }).waitFor();

    const post = await assessmentOf(context.request, session.id, 'post_test');
    // Saved in bank order, as the picker lists them.
    expect(post.selection).toEqual({ mode: 'fixed', questionIds: postPicks.map((q) => q.id) });
    expect(post.questions.map((q: { id: string }) => q.id)).toEqual(postPicks.map((q) => q.id));

    // A satisfaction survey: Likert items come ticked, and only Likert items are offered.
    await organizer.getByRole('link', { name: 'เพิ่มแบบสำรวจ' }).click();
    const surveyForm = organizer.getByRole('form', { name: 'เพิ่มแบบสำรวจ' });
    await surveyForm.waitFor();
    expect(await surveyForm.getByLabel('ชื่อแบบสำรวจ').inputValue()).toBe('แบบประเมินความพึงพอใจต่อการอบรม');
    await surveyForm.getByText(`เลือกแล้ว ${surveyItems.length} ข้อ`).waitFor();
    for (const item of surveyItems) {
      expect(await surveyForm.getByRole('checkbox', { name: endingWith(item.stem) }).isChecked()).toBe(true);
    }
    expect(await surveyForm.getByRole('checkbox', { name: endingWith(postPicks[0].stem) }).count()).toBe(0);
    await organizer.screenshot({ path: join(ARTIFACTS, 'assessment-new-survey-desktop.png'), fullPage: true });
    await surveyForm.getByLabel('ชื่อแบบสำรวจ').fill('ความพึงพอใจ รุ่นตั้งค่าแบบทดสอบ');
    await surveyForm.getByRole('button', { name: 'เพิ่มแบบสำรวจ' }).click();
    await organizer.waitForURL(sessionTests);
    await organizer.getByText('เพิ่มความพึงพอใจ รุ่นตั้งค่าแบบทดสอบแล้ว').waitFor();
    const surveyCard = testCard(organizer, 'ความพึงพอใจ รุ่นตั้งค่าแบบทดสอบ');
    await surveyCard.getByText(`${surveyItems.length} ข้อ`, { exact: true }).waitFor();
    await surveyCard.getByRole('button', { name: 'เปิดแบบสำรวจ' }).waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'assessment-panel-desktop.png'), fullPage: true });

    const added = (await sessionOf(context.request, session.id)).assessments.find(
      (a: { title: string }) => a.title === 'ความพึงพอใจ รุ่นตั้งค่าแบบทดสอบ',
    );
    expect(added).toMatchObject({ kind: 'survey', questionCount: surveyItems.length, startedCount: 0 });

    // A manager sees the same tests and counts, and nothing to change.
    const manager = await signedIn(await desktopContext(browser), org.manager);
    await manager.goto(`/sessions/${session.id}?part=tests`);
    const managerPre = testCard(manager, 'แบบทดสอบก่อนอบรม');
    await managerPre.getByText('10 นาที', { exact: true }).waitFor();
    expect(await manager.getByRole('link', { name: 'ตั้งค่า' }).count()).toBe(0);
    expect(await manager.getByRole('link', { name: 'เพิ่มแบบสำรวจ' }).count()).toBe(0);
    expect(await managerPre.getByRole('button').count()).toBe(0);

    // Published before its window, the pre-test waits for its opening time; closing asks first.
    await preCard.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await preCard.getByText('รอถึงเวลาเปิด', { exact: true }).waitFor();
    await preCard.getByText(`ผู้เข้าอบรมเริ่มทำได้ตั้งแต่ 12 พ.ค. ${NEXT_YEAR_BE} 09:00`).waitFor();
    await preCard.getByRole('button', { name: 'ปิดแบบทดสอบ' }).click();
    const confirm = preCard.getByRole('alertdialog', { name: 'ปิดแบบทดสอบก่อนอบรม?' });
    await confirm.getByText('ไม่มีผู้ที่ทำค้างอยู่ เมื่อปิดแล้วจะไม่มีใครเริ่มทำได้อีก').waitFor();
    await confirm.getByRole('button', { name: 'ยืนยันปิด' }).click();
    await preCard.getByText('ปิดแล้ว', { exact: true }).waitFor();
    expect(await confirm.count()).toBe(0);

    // A trainee starts the post-test while the organizer is changing its questions: the save is refused with the
    // reason, the questions show as fixed, and the new time limit typed meanwhile is still there to save.
    const postCard = testCard(organizer, 'แบบทดสอบหลังอบรม');
    await postCard.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await postCard.getByText('เปิดอยู่', { exact: true }).waitFor();
    await postCard.getByRole('link', { name: 'ตั้งค่า' }).click();
    await postForm.waitFor();
    await postForm.getByText('เลือกแล้ว 3 ข้อ').waitFor();
    await postForm.getByLabel('เวลาทำ (นาที, ไม่บังคับ)').fill('15');
    const extra = scored.find((q) => q.topic !== drawTopic && !postPicks.includes(q));
    if (!extra) throw new Error('1.3.1 has no fourth question to add');
    await postForm.getByRole('checkbox', { name: endingWith(extra.stem) }).check();
    const trainee = (await phoneContext(browser)).request;
    await expectOk(trainee.post(`${baseUrl()}/api/join/${session.joinCode}`, { data: { fullName: 'นางสาวตั้งใจ เรียนดี', group: 'staff' } }));
    await expectOk(
      trainee.post(`${baseUrl()}/api/join/${session.joinCode}/assessments/${post.id}/attempt`, { data: { attemptNumber: 1 } }),
    );
    await postForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await postForm.getByRole('alert').filter({ hasText: 'มีผู้เริ่มทำแบบทดสอบนี้แล้ว จึงเปลี่ยนคำถามไม่ได้' }).waitFor();
    await postForm.getByText(/มีผู้เริ่มทำแล้ว จึงเปลี่ยนข้อไม่ได้/).waitFor();
    expect(await postForm.getByLabel('เลือกข้อเอง').count()).toBe(0);
    expect(await postForm.getByRole('listitem').count()).toBe(3);
    expect(await postForm.getByLabel('เวลาทำ (นาที, ไม่บังคับ)').inputValue()).toBe('15');
    await organizer.screenshot({ path: join(ARTIFACTS, 'assessment-settings-locked-desktop.png'), fullPage: true });
    await postForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await organizer.waitForURL(sessionTests);
    await postCard.getByText('15 นาที', { exact: true }).waitFor();
    await postCard.getByText('3 ข้อ', { exact: true }).waitFor();
    const lockedPost = await assessmentOf(context.request, session.id, 'post_test');
    expect(lockedPost).toMatchObject({ questionsLocked: true, timeLimitMinutes: 15, selection: post.selection });

    // Closing says what happens to the attempt still running: it is submitted with its saved answers.
    await postCard.getByRole('button', { name: 'ปิดแบบทดสอบ' }).click();
    const closePost = postCard.getByRole('alertdialog', { name: 'ปิดแบบทดสอบหลังอบรม?' });
    await closePost.getByText('ยังมีผู้ที่ทำค้างอยู่ 1 คน', { exact: false }).waitFor();
    await closePost.getByRole('button', { name: 'ยืนยันปิด' }).click();
    await postCard.getByText('ปิดแล้ว', { exact: true }).waitFor();
    expect(await assessmentOf(context.request, session.id, 'post_test')).toMatchObject({ startedCount: 1, submittedCount: 1 });

    // The survey nobody started can go.
    await surveyCard.getByRole('button', { name: 'ลบแบบสำรวจ' }).click();
    await surveyCard.getByRole('button', { name: 'ยืนยันลบแบบสำรวจ' }).click();
    await surveyCard.waitFor({ state: 'detached' });
    expect(
      (await sessionOf(context.request, session.id)).assessments.some((a: { title: string }) => a.title === 'ความพึงพอใจ รุ่นตั้งค่าแบบทดสอบ'),
    ).toBe(false);
  });
});

/** The program's current bank questions, in bank order. */
async function bankOf(request: APIRequestContext, programId: string): Promise<BankQuestion[]> {
  const body = await (await expectOk(request.get(`${baseUrl()}/api/programs/${programId}/questions`))).json();
  return (body.questions as BankQuestion[]).filter((q) => !q.archived);
}

/** A picker box is named by the question's type and then its stem; one stem may begin another. */
const endingWith = (stem: string) => new RegExp(`${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const topicsOf = (questions: BankQuestion[]) => [...new Set(questions.map((q) => q.topic))];

async function sessionOf(request: APIRequestContext, sessionId: string) {
  return (await expectOk(request.get(`${baseUrl()}/api/sessions/${sessionId}`))).json();
}

async function assessmentOf(request: APIRequestContext, sessionId: string, kind: string) {
  const summary = (await sessionOf(request, sessionId)).assessments.find((a: { kind: string }) => a.kind === kind);
  return (await expectOk(request.get(`${baseUrl()}/api/assessments/${summary.id}`))).json();
}
