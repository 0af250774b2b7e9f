import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
/** Right (1) or wrong (0) on the four questions A1 A2 B1 B2, in that order. */
type Pattern = [number, number, number, number];

/**
 * The drill-down of one program-year through the API, from attempts given on phones with known answers: per-topic
 * gain, the people and session rows, one person's attempts with their answers, the trend across years, what a manager
 * sees of people, and another organization's ids.
 */
describe('program-year drill-down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Two right/wrong questions of one point from each of two topics of the program's bank: A1 A2 (topic A), B1 B2 (topic B). */
  async function fourQuestions(programId: string) {
    const rows: { id: string; topic: string; stem: string; options: { id: string }[]; correct_option_ids: string[] }[] = await t.db.query(
      `SELECT id, topic, stem, options, correct_option_ids FROM questions
        WHERE program_id = $1 AND archived_at IS NULL AND points = 1 AND type IN ('single_choice', 'true_false')
        ORDER BY topic, position, created_at`,
      [programId],
    );
    const topics = [...new Set(rows.map((r) => r.topic))].filter((topic) => rows.filter((r) => r.topic === topic).length >= 2).slice(0, 2);
    expect(topics).toHaveLength(2);
    return topics.flatMap((topic) =>
      rows
        .filter((r) => r.topic === topic)
        .slice(0, 2)
        .map((q) => ({
          id: q.id,
          topic: q.topic,
          stem: q.stem,
          right: q.correct_option_ids[0],
          wrong: q.options.map((o) => o.id).find((id) => !q.correct_option_ids.includes(id)) as string,
        })),
    );
  }

  type Question = Awaited<ReturnType<typeof fourQuestions>>[number];

  async function fixTest(organizer: TestAgent, session: Session, kind: 'pre_test' | 'post_test', questions: Question[], attemptsAllowed = 1) {
    const id = testIdOf(session, kind);
    const detail = (await organizer.get(`/api/assessments/${id}`).expect(200)).body;
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${id}`)
      .send({
        title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility,
        selection: { mode: 'fixed', questionIds: questions.map((q) => q.id) },
      })
      .expect(200);
  }

  async function joinPhone(session: Session, fullName: string) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'staff' }).expect(200);
    return phone;
  }

  async function take(phone: TestAgent, session: Session, kind: 'pre_test' | 'post_test', questions: Question[], pattern: Pattern, attemptNumber = 1) {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, kind)}/attempt`).send({ attemptNumber }).expect(200)).body;
    const answers = Object.fromEntries(questions.map((q, i) => [q.id, [pattern[i] ? q.right : q.wrong]]));
    const result = await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    return result.body.percent as number;
  }

  it('gives the hand-worked per-topic gain, people, sessions, attempts and trend; names only; another organization gets 404', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await createSession(organizer, '1.1.1');
    const day = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const second = await createSession(organizer, '1.1.1', { title: 'รุ่นที่ 2', startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T16:00:00+07:00` });
    const questions = await fourQuestions(first.programId);
    const [a1, , b1] = questions;
    for (const session of [first, second]) {
      await fixTest(organizer, session, 'pre_test', questions);
      await fixTest(organizer, session, 'post_test', questions, 2);
    }

    // First session: six people. Pre and post as right answers on A1 A2 B1 B2 (null = not taken).
    //   ก  pre 1000 = 25 %   post 1000 = 25 %, then 1110 = 75 % (the best, 75, counts)
    //   ข  pre 1100 = 50 %   post 1111 = 100 %
    //   ค  pre 1111 = 100 %  post 1110 = 75 %
    //   ง  pre 0000 = 0 %    —
    //   จ  —                 post 1010 = 50 %
    //   ฉ  —                 —
    // Second session: ซ pre 1010 = 50 %, post 1111 = 100 %.
    const people: { name: string; pre: Pattern | null; post: Pattern[] }[] = [
      { name: 'ทดลอง ก', pre: [1, 0, 0, 0], post: [[1, 0, 0, 0], [1, 1, 1, 0]] },
      { name: 'ทดลอง ข', pre: [1, 1, 0, 0], post: [[1, 1, 1, 1]] },
      { name: 'ทดลอง ค', pre: [1, 1, 1, 1], post: [[1, 1, 1, 0]] },
      { name: 'ทดลอง ง', pre: [0, 0, 0, 0], post: [] },
      { name: 'ทดลอง จ', pre: null, post: [[1, 0, 1, 0]] },
      { name: 'ทดลอง ฉ', pre: null, post: [] },
    ];
    const phones: TestAgent[] = [];
    for (const person of people) phones.push(await joinPhone(first, person.name));
    await openTest(organizer, first, 'pre_test');
    for (const [i, person] of people.entries()) if (person.pre) await take(phones[i], first, 'pre_test', questions, person.pre);
    await closeTest(organizer, first, 'pre_test');
    await openTest(organizer, first, 'post_test');
    for (const [i, person] of people.entries()) for (const [n, post] of person.post.entries()) await take(phones[i], first, 'post_test', questions, post, n + 1);
    await closeTest(organizer, first, 'post_test');

    const seventh = await joinPhone(second, 'ทดลอง ซ');
    await openTest(organizer, second, 'pre_test');
    expect(await take(seventh, second, 'pre_test', questions, [1, 0, 1, 0])).toBe(50);
    await closeTest(organizer, second, 'pre_test');
    await openTest(organizer, second, 'post_test');
    expect(await take(seventh, second, 'post_test', questions, [1, 1, 1, 1])).toBe(100);
    await closeTest(organizer, second, 'post_test');

    // Contact and guardian details in the registry, which a manager must never see.
    await t.db.query(`UPDATE people SET phone = '0812345678', guardian_name = 'ผู้ปกครอง ลับ', age_band = '15_17' WHERE organization_id = $1`, [org.id]);

    const fiscalYear = first.fiscalYear;
    const manager = await org.login('manager');
    const results = (await manager.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}`).expect(200)).body;

    // The card's figures, the same as the indicators page's.
    const card = (await manager.get(`/api/indicators?fiscalYear=${fiscalYear}`).expect(200)).body.programs.find(
      (p: { programId: string }) => p.programId === first.programId,
    );
    expect(results.indicator).toEqual(card);
    // Seven attended; passed at 60 %: ก 75, ข 100, ค 75, ซ 100 → 4 / 7 = 57.14 %; no post-test: ง, ฉ.
    // Paired: ก 25→75, ข 50→100, ค 100→75, ซ 50→100: mean gain (50 + 50 − 25 + 50) / 4 = 31.25.
    expect(results.indicator).toMatchObject({ attended: 7, passed: 4, missingPostTest: 2, passRatePercent: 57.14, indicatorStatus: 'not_met', pairedCount: 4, meanGainPoints: 31.25 });

    // Per topic, paired over ก ข ค ซ (their counting attempts: ก's second post-test).
    //   Topic A (A1 A2): pre ก 50, ข 100, ค 100, ซ 50 → 75; post 100, 100, 100, 100 → 100; gain 25;
    //     individual g: ก 1, ซ 1 (ข, ค at 100 before: none) → 1 over 2; Hake (100 − 75) / 25 = 1.
    //   Topic B (B1 B2): pre ก 0, ข 0, ค 100, ซ 50 → 37.5; post ก 50, ข 100, ค 50, ซ 100 → 75; gain 37.5;
    //     individual g: ก 0.5, ข 1, ซ 1 → 2.5 / 3 = 0.8333 over 3; Hake (75 − 37.5) / 62.5 = 0.6.
    const topicA = results.topics.find((x: { topic: string }) => x.topic === a1.topic);
    const topicB = results.topics.find((x: { topic: string }) => x.topic === b1.topic);
    expect(results.topics).toHaveLength(2);
    expect(topicA).toEqual({
      topic: a1.topic,
      pairedCount: 4,
      pairedMeanPrePercent: 75,
      pairedMeanPostPercent: 100,
      meanGainPoints: 25,
      meanNormalizedGain: 1,
      normalizedGainCount: 2,
      hakeGain: 1,
    });
    expect(topicB).toEqual({
      topic: b1.topic,
      pairedCount: 4,
      pairedMeanPrePercent: 37.5,
      pairedMeanPostPercent: 75,
      meanGainPoints: 37.5,
      meanNormalizedGain: 0.8333,
      normalizedGainCount: 3,
      hakeGain: 0.6,
    });

    // People, by name: the scores that count, gain, g (null at pre 100), passed, missing post-test.
    const rows = results.people.map((p: Record<string, unknown>) => ({
      name: p.fullName,
      pre: p.prePercent,
      post: p.postPercent,
      gain: p.gainPoints,
      g: p.normalizedGain,
      passed: p.passed,
      missing: p.missingPostTest,
      sessions: (p.sessions as { title: string }[]).map((s) => s.title),
    }));
    expect(rows).toEqual([
      { name: 'ทดลอง ก', pre: 25, post: 75, gain: 50, g: 0.6667, passed: true, missing: false, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง ข', pre: 50, post: 100, gain: 50, g: 1, passed: true, missing: false, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง ค', pre: 100, post: 75, gain: -25, g: null, passed: true, missing: false, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง ง', pre: 0, post: null, gain: null, g: null, passed: false, missing: true, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง จ', pre: null, post: 50, gain: null, g: null, passed: false, missing: false, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง ฉ', pre: null, post: null, gain: null, g: null, passed: false, missing: true, sessions: ['รุ่นที่ 1'] },
      { name: 'ทดลอง ซ', pre: 50, post: 100, gain: 50, g: 1, passed: true, missing: false, sessions: ['รุ่นที่ 2'] },
    ]);

    // Sessions, each with its own figures. First: 6 attended, pre 4, post 4, passed 3 → 50 %;
    // paired ก ข ค: pre (25 + 50 + 100) / 3 = 58.33, post (75 + 100 + 75) / 3 = 83.33, gain 25.
    expect(results.sessions).toEqual([
      expect.objectContaining({
        sessionId: first.id, title: 'รุ่นที่ 1', status: expect.any(String), preTestId: testIdOf(first, 'pre_test'), postTestId: testIdOf(first, 'post_test'),
        attended: 6, preTestTaken: 4, postTestTaken: 4, passed: 3, missingPostTest: 2, passRatePercent: 50,
        pairedCount: 3, pairedMeanPrePercent: 58.33, pairedMeanPostPercent: 83.33, meanGainPoints: 25,
      }),
      expect.objectContaining({
        sessionId: second.id, title: 'รุ่นที่ 2',
        attended: 1, preTestTaken: 1, postTestTaken: 1, passed: 1, missingPostTest: 0, passRatePercent: 100,
        pairedCount: 1, pairedMeanPrePercent: 50, pairedMeanPostPercent: 100, meanGainPoints: 50,
      }),
    ]);

    // A manager sees names only: no contact, guardian or age detail anywhere.
    const text = JSON.stringify(results);
    expect(text).not.toMatch(/0812345678|ผู้ปกครอง ลับ|15_17|phone|guardian|ageBand|birth|email/i);

    // One person's attempts: ก's pre-test and two post-tests, the first pre and the best post counting.
    const ko = results.people[0];
    const attempts = (await manager.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}/people/${ko.personId}/attempts`).expect(200)).body;
    expect(JSON.stringify(attempts)).not.toMatch(/0812345678|ผู้ปกครอง ลับ|15_17|phone|guardian|ageBand|birth|email/i);
    expect(attempts).toMatchObject({ fullName: 'ทดลอง ก', passMarkPercent: 60, result: { prePercent: 25, postPercent: 75, passed: true } });
    expect(attempts.attempts.map((a: Record<string, unknown>) => [a.kind, a.attemptNumber, a.state, a.percent, a.counts, a.sessionTitle])).toEqual([
      ['pre_test', 1, 'ended', 25, true, 'รุ่นที่ 1'],
      ['post_test', 1, 'ended', 25, false, 'รุ่นที่ 1'],
      ['post_test', 2, 'ended', 75, true, 'รุ่นที่ 1'],
    ]);
    const best = attempts.attempts[2];
    expect(best.submittedAt).toEqual(expect.any(String));
    // Its answers: 1110 — the first three right, the last wrong, one point each; the question's own text and options.
    expect(best.answers.map((x: Record<string, unknown>) => [x.questionId, x.stem, x.correct, x.earnedPoints, x.points])).toEqual(
      questions.map((q, i) => [q.id, q.stem, i < 3, i < 3 ? 1 : 0, 1]),
    );
    const last = best.answers[3] as { options: { id: string; chosen: boolean; right: boolean }[] };
    expect(last.options.find((o) => o.chosen)?.id).toBe(questions[3].wrong);
    expect(last.options.find((o) => o.id === questions[3].right)).toMatchObject({ chosen: false, right: true });

    // Trend across the plan's years: this year from the same card; years nobody attended have no data.
    const trend = (await manager.get('/api/indicators/trend?from=2566&to=2570').expect(200)).body;
    expect(trend).toMatchObject({ fromYear: 2566, toYear: 2570 });
    const law = trend.programs.find((p: { programId: string }) => p.programId === first.programId);
    expect(law.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2566, 2567, 2568, 2569, 2570]);
    for (const year of law.years) {
      if (year.fiscalYear === fiscalYear) {
        expect(year).toMatchObject({ planned: true, attended: 7, passRatePercent: 57.14, targetPassRatePercent: 80, indicatorStatus: 'not_met', pairedCount: 4, meanGainPoints: 31.25 });
      } else {
        expect(year).toMatchObject({ attended: 0, passRatePercent: null, meanGainPoints: null });
        expect(year.indicatorStatus === null || year.indicatorStatus === 'no_data').toBe(true);
      }
    }
    await manager.get('/api/indicators/trend?from=2570&to=2566').expect(400);

    // Organizers and admins read the same; a person not in the program-year is not found.
    await organizer.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}`).expect(200);
    await (await org.login('admin')).get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}`).expect(200);
    await manager.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}/people/${randomUUID()}/attempts`).expect(404);
    await manager.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear - 1}/people/${ko.personId}/attempts`).expect(404);
    await manager.get(`/api/indicators/programs/${randomUUID()}/years/${fiscalYear}`).expect(404);

    // Another organization's manager gets 404 for these ids, and a trainee's phone is refused.
    const other = await (await t.createOrganization()).login('manager');
    await other.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}`).expect(404);
    await other.get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}/people/${ko.personId}/attempts`).expect(404);
    const refused = await phones[0].get(`/api/indicators/programs/${first.programId}/years/${fiscalYear}`);
    expect([401, 403]).toContain(refused.status);
  }, 120_000);
});
