import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

/**
 * The indicator's paired means and gains, from attempts seeded through the API with known scores: the pre-test is
 * fixed to four single-choice questions of equal points (the post-test asks the same ones), so k right is 25·k %.
 */
describe('paired means and gains on the indicator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('pairs pre with post per person and gives both group gains, hand-worked', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const questions = (detail.questions as { id: string; type: string; points: number }[]).filter((q) => q.type === 'single_choice');
    const points = questions[0].points;
    const four = questions.filter((q) => q.points === points).slice(0, 4);
    expect(four).toHaveLength(4);
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } })
      .expect(200);

    // Six attendees (a walk-in who joins is checked in): right answers out of four on each test, null = not taken.
    const people: { name: string; pre: number | null; post: number | null }[] = [
      { name: 'ก่อนหลัง หนึ่ง', pre: 1, post: 3 }, // 25 → 75
      { name: 'ก่อนหลัง สอง', pre: 2, post: 4 }, // 50 → 100
      { name: 'เต็มก่อน สาม', pre: 4, post: 3 }, // 100 → 75: g undefined at pre = 100
      { name: 'ก่อนอย่างเดียว สี่', pre: 0, post: null }, // 0 → —
      { name: 'หลังอย่างเดียว ห้า', pre: null, post: 2 }, // — → 50
      { name: 'ไม่ทำเลย หก', pre: null, post: null },
    ];
    const phones = [];
    for (const person of people) {
      const phone = t.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: person.name, group: 'staff' }).expect(200);
      phones.push(phone);
    }
    await openTest(organizer, session, 'pre_test');
    for (const [i, person] of people.entries()) {
      if (person.pre !== null) expect(await takeTest(phones[i], session, 'pre_test', person.pre)).toBe(person.pre * 25);
    }
    await closeTest(organizer, session, 'pre_test');
    await openTest(organizer, session, 'post_test');
    for (const [i, person] of people.entries()) {
      if (person.post !== null) expect(await takeTest(phones[i], session, 'post_test', person.post)).toBe(person.post * 25);
    }
    await closeTest(organizer, session, 'post_test');

    const manager = await org.login('manager');
    const indicators = (await manager.get(`/api/indicators?fiscalYear=${session.fiscalYear}`).expect(200)).body;
    const law = indicators.programs.find((p: { programCode: string }) => p.programCode === '1.1.1');
    expect(law).toMatchObject({
      attended: 6,
      // Unpaired, over everyone who took each test: pre (25 + 50 + 100 + 0) / 4 = 43.75; post (75 + 100 + 75 + 50) / 4 = 75.
      preTestTaken: 4,
      meanPrePercent: 43.75,
      postTestTaken: 4,
      meanPostPercent: 75,
      // Paired, over the three who took both: pre (25 + 50 + 100) / 3 = 58.33; post (75 + 100 + 75) / 3 = 83.33.
      pairedCount: 3,
      pairedMeanPrePercent: 58.33,
      pairedMeanPostPercent: 83.33,
      // Gains: (50 + 50 − 25) / 3 = 25 points. Individual g: 50/75 = 0.6667, 50/50 = 1, none at pre = 100;
      // their mean (0.66667 + 1) / 2 = 0.8333 over 2 people. Hake's g: (83.333 − 58.333) / (100 − 58.333) = 25 / 41.667 = 0.6.
      meanGainPoints: 25,
      meanNormalizedGain: 0.8333,
      normalizedGainCount: 2,
      hakeGain: 0.6,
      // Passed at 60 %: the three paired people (75, 100, 75); 3 / 6 = 50 % against 80 %.
      passMarkPercent: 60,
      passed: 3,
      missingPostTest: 2,
      passRatePercent: 50,
      indicatorMet: false,
      indicatorStatus: 'not_met',
    });

    // A program-year nobody has attended has nothing to judge: "no data yet", not "not met".
    const empty = indicators.programs.find((p: { programCode: string }) => p.programCode !== '1.1.1');
    expect(empty).toMatchObject({
      attended: 0,
      indicatorMet: false,
      indicatorStatus: 'no_data',
      pairedCount: 0,
      pairedMeanPrePercent: null,
      pairedMeanPostPercent: null,
      meanGainPoints: null,
      meanNormalizedGain: null,
      normalizedGainCount: 0,
      hakeGain: null,
    });
  });

  /** Takes the session's test on the phone with `right` of its four questions right and the rest wrong; returns its percent. */
  async function takeTest(phone: TestAgent, session: Session, kind: 'pre_test' | 'post_test', right: number): Promise<number> {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, kind)}/attempt`).send({}).expect(200)).body;
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(`SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`, [ids]);
    const keys = new Map(rows.map((r) => [r.id, r.correct_option_ids]));
    const answers: Record<string, string[]> = {};
    (attempt.questions as { id: string; options: { id: string }[] }[]).forEach((q, i) => {
      const key = keys.get(q.id) as string[];
      answers[q.id] = i < right ? key : [q.options.filter((o) => !key.includes(o.id))[0].id];
    });
    const result = await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    return result.body.percent as number;
  }
});
