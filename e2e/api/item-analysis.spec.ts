import { randomUUID } from 'node:crypto';
import { createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

/**
 * Item analysis of a test through the API: known answers given on phones, the figures checked against numbers worked
 * out by hand below, and who may read them.
 */
describe('item analysis per test', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function joinPhone(session: Session, fullName: string) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'staff' }).expect(200);
    return phone;
  }

  /** The test's first four right/wrong questions of one point each, with a right and a wrong option of each. */
  async function fourQuestions(programId: string) {
    const rows: { id: string; options: { id: string }[]; correct_option_ids: string[] }[] = await t.db.query(
      `SELECT id, options, correct_option_ids FROM questions
        WHERE program_id = $1 AND archived_at IS NULL AND points = 1 AND type IN ('single_choice', 'true_false')
        ORDER BY position, created_at LIMIT 4`,
      [programId],
    );
    expect(rows).toHaveLength(4);
    return rows.map((q) => ({
      id: q.id,
      right: q.correct_option_ids[0],
      wrong: q.options.map((o) => o.id).find((id) => !q.correct_option_ids.includes(id)) as string,
    }));
  }

  it('gives the hand-worked difficulty, discrimination, point-biserial and KR-20 to organizers and managers only', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const preId = testIdOf(session, 'pre_test');
    const questions = await fourQuestions(session.programId);
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({
        title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility,
        selection: { mode: 'fixed', questionIds: questions.map((q) => q.id) },
      })
      .expect(200);
    await openTest(organizer, session, 'pre_test');

    // Right (1) / wrong (0) per person on questions A B C D; null leaves the question unanswered (it counts as 0).
    //   P1: 1 1 1 1  total 4
    //   P2: 1 1 1 0  total 3
    //   P3: 1 1 0 0  total 2
    //   P4: 1 0 0 1  total 2
    //   P5: – 0 0 1  total 1
    const sheet: (1 | 0 | null)[][] = [
      [1, 1, 1, 1],
      [1, 1, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 1],
      [null, 0, 0, 1],
    ];
    for (const [person, row] of sheet.entries()) {
      const phone = await joinPhone(session, `ผู้สอบ คนที่${person + 1}`);
      const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({ attemptNumber: 1 }).expect(200)).body;
      for (const [i, mark] of row.entries()) {
        if (mark === null) continue;
        const q = questions[i];
        await phone
          .put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${q.id}`)
          .send({ optionIds: [mark === 1 ? q.right : q.wrong] })
          .expect(204);
      }
      await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers: {} }).expect(200);
    }
    // Someone who started and has not handed in yet is not counted.
    const late = await joinPhone(session, 'ผู้สอบ ยังไม่ส่ง');
    await late.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({ attemptNumber: 1 }).expect(200);

    const body = (await organizer.get(`/api/assessments/${preId}/item-analysis`).expect(200)).body;
    // Five respondents: each 27 % group is round(5 × 0.27 = 1.35) = 1 person, the upper P1 (4), the lower P5 (1).
    // Difficulty p = right / 5. D = upper's right − lower's right.
    // Point-biserial with the rest-score (total less the item), population moments, r = cov / √(var x · var y):
    //   A: x 1 1 1 1 0, rest 3 2 1 1 1 (mean 1.6): cov = (0.2·1.4 + 0.2·0.4 − 0.2·0.6·2 − 0.8·(−0.6)) / 5 = 0.12,
    //      var x = 0.8·0.2 = 0.16, var rest = (1.96+0.16+0.36·3)/5 = 0.64 → r = 0.12 / √(0.1024) = 0.375
    //   B: x 1 1 1 0 0, rest 3 2 1 2 1 (mean 1.8): cov = (0.4·1.2 + 0.4·0.2 + 0.4·(−0.8) − 0.6·0.2 − 0.6·(−0.8)) / 5 = 0.12,
    //      var x = 0.24, var rest = (1.44+0.04+0.64+0.04+0.64)/5 = 0.56 → r = 0.12 / √(0.1344) = 0.3273
    //   C: x 1 1 0 0 0, rest 3 2 2 2 1 (mean 2): cov = (0.6·1 + 0 − 0 − 0 − 0.4·(−1)) / 5 = 0.2,
    //      var x = 0.24, var rest = (1+0+0+0+1)/5 = 0.4 → r = 0.2 / √(0.096) = 0.6455
    //   D: x 1 0 0 1 1, rest 3 3 2 1 0 (mean 1.8): cov = (0.4·1.2 − 0.6·1.2 − 0.6·0.2 + 0.4·(−0.8) + 0.4·(−1.8)) / 5 = −0.28,
    //      var x = 0.24, var rest = (1.44+1.44+0.04+0.64+3.24)/5 = 1.36 → r = −0.28 / √(0.3264) = −0.4901
    expect(body).toMatchObject({
      assessmentId: preId,
      kind: 'pre_test',
      respondents: 5,
      smallGroup: true,
      smallGroupThreshold: 30,
      discriminationGroupSize: 1,
      reliabilityItemCount: 4,
      // KR-20: Σ p·q = 0.8·0.2 + 0.6·0.4 + 0.4·0.6 + 0.6·0.4 = 0.88; totals 4 3 2 2 1 (mean 2.4) have the population
      // variance (2.56+0.36+0.16+0.16+1.96)/5 = 1.04; 4/3 · (1 − 0.88/1.04) = 0.2051.
      kr20: 0.2051,
    });
    const noFlags = { tooEasy: false, tooHard: false, negativeDiscrimination: false };
    expect(body.items).toEqual([
      expect.objectContaining({ questionId: questions[0].id, rightCount: 4, difficulty: 0.8, discrimination: 1, pointBiserial: 0.375, flags: noFlags }),
      expect.objectContaining({ questionId: questions[1].id, rightCount: 3, difficulty: 0.6, discrimination: 1, pointBiserial: 0.3273, flags: noFlags }),
      expect.objectContaining({ questionId: questions[2].id, rightCount: 2, difficulty: 0.4, discrimination: 1, pointBiserial: 0.6455, flags: noFlags }),
      // D: the upper and lower persons both got it (D = 1 − 1 = 0), but the point-biserial is below 0: flagged.
      expect.objectContaining({
        questionId: questions[3].id,
        rightCount: 3,
        difficulty: 0.6,
        discrimination: 0,
        pointBiserial: -0.4901,
        flags: { ...noFlags, negativeDiscrimination: true },
      }),
    ]);
    for (const item of body.items) {
      expect(item.stem).not.toMatch(/<[a-z]/i);
      expect(item.topic).toEqual(expect.any(String));
    }
    // Staff read figures, never keys.
    expect(JSON.stringify(body)).not.toMatch(/correct|explanation|weight/i);

    const manager = await org.login('manager');
    expect((await manager.get(`/api/assessments/${preId}/item-analysis`).expect(200)).body).toEqual(body);

    // A trainee's phone, another organization and nobody signed in are refused.
    const phone = await joinPhone(session, 'ผู้สอบ อยากรู้');
    await phone.get(`/api/assessments/${preId}/item-analysis`).expect(401);
    await t.http().get(`/api/assessments/${preId}/item-analysis`).expect(401);
    const other = await (await t.createOrganization()).login('organizer');
    const elsewhere = await other.get(`/api/assessments/${preId}/item-analysis`).expect(404);
    expect(elsewhere.body).toEqual({ code: 'ASSESSMENT_NOT_FOUND', message: expect.any(String) });
  });

  it('counts each person once: their first pre-test attempt and their best post-test attempt', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const questions = (await fourQuestions(session.programId)).slice(0, 2);
    for (const kind of ['pre_test', 'post_test'] as const) {
      const id = testIdOf(session, kind);
      const detail = (await organizer.get(`/api/assessments/${id}`).expect(200)).body;
      const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, resultsVisibility, reviewVisibility } = detail;
      await organizer
        .put(`/api/assessments/${id}`)
        .send({
          title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, resultsVisibility, reviewVisibility,
          attemptsAllowed: 2,
          selection: { mode: 'fixed', questionIds: questions.map((q) => q.id) },
        })
        .expect(200);
      await openTest(organizer, session, kind);
    }
    /** One attempt answering the two questions right (1) or wrong (0). */
    async function take(phone: Awaited<ReturnType<typeof joinPhone>>, kind: 'pre_test' | 'post_test', attemptNumber: number, marks: [0 | 1, 0 | 1]) {
      const id = testIdOf(session, kind);
      const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${id}/attempt`).send({ attemptNumber }).expect(200)).body;
      const answers = Object.fromEntries(questions.map((q, i) => [q.id, [marks[i] === 1 ? q.right : q.wrong]]));
      await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    }
    const improver = await joinPhone(session, 'ผู้สอบ ดีขึ้น');
    const decliner = await joinPhone(session, 'ผู้สอบ แย่ลง');
    const once = await joinPhone(session, 'ผู้สอบ ครั้งเดียว');
    // Pre-test: the improver is wrong, then right; the decliner right, then wrong; the third right then wrong once.
    await take(improver, 'pre_test', 1, [0, 0]);
    await take(improver, 'pre_test', 2, [1, 1]);
    await take(decliner, 'pre_test', 1, [1, 1]);
    await take(decliner, 'pre_test', 2, [0, 0]);
    await take(once, 'pre_test', 1, [1, 0]);
    // Post-test: the same pattern.
    await take(improver, 'post_test', 1, [0, 0]);
    await take(improver, 'post_test', 2, [1, 1]);
    await take(decliner, 'post_test', 1, [1, 1]);
    await take(decliner, 'post_test', 2, [0, 0]);
    await take(once, 'post_test', 1, [1, 0]);

    const rightCounts = async (kind: 'pre_test' | 'post_test') => {
      const body = (await organizer.get(`/api/assessments/${testIdOf(session, kind)}/item-analysis`).expect(200)).body;
      return { respondents: body.respondents, right: body.items.map((i: { rightCount: number }) => i.rightCount) };
    };
    // First attempts: improver 0 0, decliner 1 1, once 1 0.
    expect(await rightCounts('pre_test')).toEqual({ respondents: 3, right: [2, 1] });
    // Best attempts: improver 1 1 (second), decliner 1 1 (first), once 1 0.
    expect(await rightCounts('post_test')).toEqual({ respondents: 3, right: [3, 2] });
  });

  it('analyses a test nobody has taken as empty, and refuses a survey with a stable code', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const empty = (await organizer.get(`/api/assessments/${testIdOf(session, 'post_test')}/item-analysis`).expect(200)).body;
    expect(empty).toMatchObject({ kind: 'post_test', respondents: 0, smallGroup: true, discriminationGroupSize: 0, kr20: null });
    expect(empty.items.length).toBeGreaterThan(0);
    expect(empty.items[0]).toMatchObject({ rightCount: 0, difficulty: null, discrimination: null, pointBiserial: null });

    const survey = session.assessments.find((a: { kind: string }) => a.kind === 'survey') as { id: string };
    const refused = await organizer.get(`/api/assessments/${survey.id}/item-analysis`).expect(409);
    expect(refused.body).toEqual({ code: 'ASSESSMENT_NOT_A_TEST', message: expect.stringContaining('แบบสำรวจ') });
  });
});
