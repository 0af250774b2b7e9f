import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
type BankQuestion = { id: string; type: string; topic: string; stem: string; followUpOutcome: string | null; archived: boolean };

const GOOD = 'เด็กและเยาวชนเป็นคนดีมีคุณธรรม จริยธรรม มีความซื่อสัตย์ สุจริต';
const IMMUNE = 'เด็กและเยาวชนมีภูมิคุ้มกันทางสังคม ไม่ยอมรับพฤติกรรมทุจริตคอร์รัปชันและการโกงทุกรูปแบบ';
const PUBLIC_SPIRIT = 'เด็กและเยาวชนมีจิตสาธารณะ และพร้อมที่จะเสียสละประโยชน์ส่วนตน เพื่อรักษาประโยชน์ส่วนรวม';

/**
 * A program-year's surveys pooled (every session survey of the program's fiscal year, each respondent's answers once
 * per survey) and the plan's follow-up outcomes, the figures worked out by hand below.
 */
describe('survey results of a program-year and its follow-up outcomes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function followUpItems(organizer: TestAgent, programId: string): Promise<BankQuestion[]> {
    const bank = (await organizer.get(`/api/programs/${programId}/questions`).expect(200)).body.questions as BankQuestion[];
    return bank.filter((q) => q.type === 'likert' && q.followUpOutcome !== null && !q.archived);
  }

  async function followUpSurvey(organizer: TestAgent, session: Session, questionIds: string[]): Promise<string> {
    const created = await organizer
      .post(`/api/sessions/${session.id}/assessments`)
      .send({ title: 'แบบประเมินติดตามผล', selection: { mode: 'fixed', questionIds } })
      .expect(201);
    await organizer.post(`/api/assessments/${created.body.id}/open`).expect(204);
    return created.body.id;
  }

  /** A youth answers the survey's items in order; null leaves an item out. Submits unless told not to. */
  async function respond(session: Session, surveyId: string, fullName: string, levels: (number | null)[], submit = true) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'youth', ageBand: '15_17', guardianName: `ผู้ปกครองของ ${fullName}` }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${surveyId}/attempt`).send({ attemptNumber: 1 }).expect(200)).body;
    const ids = attempt.questions.map((q: { id: string }) => q.id) as string[];
    for (const [i, level] of levels.entries()) {
      if (level === null) continue;
      await phone.put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${ids[i]}`).send({ optionIds: [String(level)] }).expect(204);
    }
    if (submit) {
      await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers: {} }).expect(200);
    }
  }

  it('pools the sessions of the year, counts each outcome as the share averaging 4 or more, and says "no data yet" before anyone answers', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await createSession(organizer, '1.3.1', { title: 'รุ่นที่ 1' });
    const items = await followUpItems(organizer, first.programId);
    // The template marks 1.3.1's nine follow-up statements with its three outcomes, three each.
    expect(items.map((q) => q.followUpOutcome)).toEqual([GOOD, GOOD, GOOD, IMMUNE, IMMUNE, IMMUNE, PUBLIC_SPIRIT, PUBLIC_SPIRIT, PUBLIC_SPIRIT]);

    // Before anyone answers: each outcome is listed with no data yet (not "not met").
    const empty = (await organizer.get(`/api/programs/${first.programId}/survey-results?fiscalYear=${first.fiscalYear}`).expect(200)).body;
    expect(empty.respondents).toBe(0);
    expect(empty.outcomes).toEqual(
      [GOOD, IMMUNE, PUBLIC_SPIRIT].map((outcome) => ({ outcome, itemCount: 3, respondents: 0, achieving: 0, percent: null, targetPercent: 80, met: null })),
    );

    //                      good      immune    public spirit
    // รุ่นที่ 1  P1:          5 5 5     5 5 5     5 5 5
    //           P2:          4 4 3     4 4 4     – – –
    // รุ่นที่ 2  P3:          5 5 5     3 3 3     4 5 3
    //           P4 starts and never hands in: not counted.
    const firstSurvey = await followUpSurvey(organizer, first, items.map((q) => q.id));
    await respond(first, firstSurvey, 'ด.ญ. หนึ่ง ใจดี', [5, 5, 5, 5, 5, 5, 5, 5, 5]);
    await respond(first, firstSurvey, 'ด.ช. สอง ใจดี', [4, 4, 3, 4, 4, 4, null, null, null]);

    // The first statement is reworded after it was used: a new version, still one item of the year (its first version's id).
    const reworded = items[0];
    const edited = (
      await organizer
        .put(`/api/questions/${reworded.id}`)
        .send({ topic: reworded.topic, type: 'likert', stem: 'ฉันพูดความจริงเสมอ แม้ตัวเองจะทำผิด', options: [], explanation: '', followUpOutcome: GOOD })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ version: 2, lineageId: reworded.id, followUpOutcome: GOOD });

    const second = await createSession(organizer, '1.3.1', { title: 'รุ่นที่ 2' });
    const secondItems = await followUpItems(organizer, first.programId);
    expect(secondItems[0].id).toBe(edited.id);
    const secondSurvey = await followUpSurvey(organizer, second, secondItems.map((q) => q.id));
    await respond(second, secondSurvey, 'ด.ช. สาม ใจดี', [5, 5, 5, 3, 3, 3, 4, 5, 3]);
    await respond(second, secondSurvey, 'ด.ญ. สี่ ยังไม่ส่ง', [1, 1, 1, 1, 1, 1, 1, 1, 1], false);

    const manager = await org.login('manager');
    const year = (await manager.get(`/api/programs/${first.programId}/survey-results?fiscalYear=${first.fiscalYear}`).expect(200)).body;
    expect(year).toMatchObject({ programId: first.programId, programCode: '1.3.1', fiscalYear: first.fiscalYear, respondents: 3 });
    // Both sessions' satisfaction surveys (nobody answered) and both follow-up surveys.
    expect(year.surveys.map((s: { sessionTitle: string; respondents: number }) => `${s.sessionTitle}: ${s.respondents}`).sort()).toEqual([
      'รุ่นที่ 1: 0',
      'รุ่นที่ 1: 2',
      'รุ่นที่ 2: 0',
      'รุ่นที่ 2: 1',
    ]);
    const item = (id: string) => year.items.find((i: { questionId: string }) => i.questionId === id);
    // Item 1 (both versions): 5, 4, 5 → 14 / 3 = 4.67, all three agree; worded as its latest version.
    expect(item(reworded.id)).toMatchObject({ stem: 'ฉันพูดความจริงเสมอ แม้ตัวเองจะทำผิด', answered: 3, mean: 4.67, agreePercent: 100, counts: { 5: 2, 4: 1, 3: 0, 2: 0, 1: 0 } });
    expect(item(edited.id)).toBeUndefined();
    // Item 3: 5, 3, 5 → 13 / 3 = 4.33; two of three → 66.67 %.
    expect(item(items[2].id)).toMatchObject({ answered: 3, mean: 4.33, agreePercent: 66.67 });
    // Item 4: 5, 4, 3 → 4; 66.67 %. Item 7: 5, 4 (P2 left it out) → 4.5; 100 %. Item 9: 5, 3 → 4; 50 %.
    expect(item(items[3].id)).toMatchObject({ answered: 3, mean: 4, agreePercent: 66.67 });
    expect(item(items[6].id)).toMatchObject({ answered: 2, mean: 4.5, agreePercent: 100 });
    expect(item(items[8].id)).toMatchObject({ answered: 2, mean: 4, agreePercent: 50, followUpOutcome: PUBLIC_SPIRIT });
    expect(year.outcomes).toEqual([
      // P1 5 ✓, P2 (4+4+3)/3 = 3.67 ✗, P3 5 ✓ → 2 of 3.
      { outcome: GOOD, itemCount: 3, respondents: 3, achieving: 2, percent: 66.67, targetPercent: 80, met: false },
      // P1 ✓, P2 4 ✓, P3 3 ✗ → 2 of 3.
      { outcome: IMMUNE, itemCount: 3, respondents: 3, achieving: 2, percent: 66.67, targetPercent: 80, met: false },
      // P1 ✓, P3 (4+5+3)/3 = 4 ✓; P2 answered none of it → 2 of 2.
      { outcome: PUBLIC_SPIRIT, itemCount: 3, respondents: 2, achieving: 2, percent: 100, targetPercent: 80, met: true },
    ]);

    // One session's survey: P1 and P2 only → good 1 of 2 (50 %), immune 2 of 2, public spirit 1 of 1.
    const one = (await manager.get(`/api/assessments/${firstSurvey}/survey-results`).expect(200)).body;
    expect(one.outcomes.map((o: { achieving: number; respondents: number; met: boolean | null }) => [o.achieving, o.respondents, o.met])).toEqual([
      [1, 2, false],
      [2, 2, true],
      [1, 1, true],
    ]);

    // A cancelled session's surveys leave the year; another year has nothing yet.
    await organizer.post(`/api/sessions/${second.id}/status`).send({ status: 'cancelled' }).expect(200);
    const withoutSecond = (await manager.get(`/api/programs/${first.programId}/survey-results?fiscalYear=${first.fiscalYear}`).expect(200)).body;
    expect(withoutSecond.respondents).toBe(2);
    const nextYear = (await manager.get(`/api/programs/${first.programId}/survey-results?fiscalYear=${first.fiscalYear + 1}`).expect(200)).body;
    expect(nextYear).toMatchObject({ surveys: [], respondents: 0, items: [] });
    expect(nextYear.outcomes.every((o: { met: boolean | null; percent: number | null }) => o.met === null && o.percent === null)).toBe(true);

    // Nobody signed in, and another organization, are refused.
    await t.http().get(`/api/programs/${first.programId}/survey-results`).expect(401);
    const other = await (await t.createOrganization()).login('manager');
    const elsewhere = await other.get(`/api/programs/${first.programId}/survey-results`).expect(404);
    expect(elsewhere.body).toEqual({ code: 'PROGRAM_NOT_FOUND', message: expect.any(String) });
  });
});
