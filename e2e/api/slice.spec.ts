import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSession, startTestApp, TestApp, testIdOf } from '../support/test-app';

/** The walking skeleton's slice through the API: schedule, join, pre-test, post-test, indicator. */
describe('a training session from schedule to indicator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs the whole flow and counts an attendee without a post-test as not passed', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    expect(session.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    // Trainee A joins on a phone (walk-in) and is checked in; the device is remembered by cookie.
    const phoneA = t.http();
    const joined = await phoneA.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมหญิง ใจดี', group: 'staff' }).expect(200);
    expect(joined.body.me.fullName).toBe('สมหญิง ใจดี');
    expect(joined.body.me.checkedInAt).not.toBeNull();
    const cookie = String(joined.headers['set-cookie']);
    expect(cookie).toMatch(/sj_trainee=.*HttpOnly/);
    expect(cookie).toContain(`Path=/api/join/${session.joinCode}`);

    // The pre-test is not open yet.
    const early = await phoneA.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(409);
    expect(early.body.code).toBe('ASSESSMENT_NOT_OPEN');

    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const pre = await phoneA.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200);
    expect(pre.body.questions.length).toBeGreaterThanOrEqual(10);

    // Answer everything right on the pre-test with the key read from the database (a trainee never gets it).
    const keys = await answerKey(t, pre.body.questions.map((q: { id: string }) => q.id));
    for (const q of pre.body.questions as { id: string }[]) {
      await phoneA.put(`/api/join/${session.joinCode}/attempts/${pre.body.id}/answers/${q.id}`).send({ optionIds: keys.get(q.id) }).expect(204);
    }
    const preResult = await phoneA.post(`/api/join/${session.joinCode}/attempts/${pre.body.id}/submit`).set('Idempotency-Key', randomUUID()).send({}).expect(200);
    expect(preResult.body.percent).toBe(100);
    expect(preResult.body.score).toBe(preResult.body.maxScore);

    // A retry of the submit (weak connection) returns the first result, not a second scoring.
    const retry = await phoneA.post(`/api/join/${session.joinCode}/attempts/${pre.body.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers: {} }).expect(200);
    expect(retry.body).toEqual(preResult.body);

    // Trainee B joins and takes no test at all.
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'สมชาย มาสาย', group: 'council_member' }).expect(200);

    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/close`).expect(204);
    await organizer.post(`/api/assessments/${testIdOf(session, 'post_test')}/open`).expect(204);

    // The same phone takes the post-test: half right.
    const post = await phoneA.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'post_test')}/attempt`).send({}).expect(200);
    const postIds: string[] = post.body.questions.map((q: { id: string }) => q.id);
    const answers: Record<string, string[]> = {};
    postIds.forEach((id, i) => {
      const right = keys.get(id) as string[];
      const options: { id: string }[] = post.body.questions[i].options;
      // A wrong answer: an option that earns nothing (on a multiple-choice question, none of the right ones).
      answers[id] = i < postIds.length / 2 ? right : [options.filter((o) => !right.includes(o.id))[0].id];
    });
    const postResult = await phoneA.post(`/api/join/${session.joinCode}/attempts/${post.body.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    const points = await pointsOf(t, postIds);
    const earned = postIds.filter((_, i) => i < postIds.length / 2).reduce((sum, id) => sum + (points.get(id) as number), 0);
    const total = postIds.reduce((sum, id) => sum + (points.get(id) as number), 0);
    const expectedPercent = Math.round((earned / total) * 10000) / 100;
    expect(postResult.body.percent).toBe(expectedPercent);

    const view = await phoneA.get(`/api/join/${session.joinCode}`).expect(200);
    const tests = view.body.assessments.filter((a: { kind: string }) => a.kind !== 'survey');
    expect(tests.map((a: { kind: string; myAttempt: { submitted: boolean } }) => [a.kind, a.myAttempt.submitted])).toEqual([
      ['pre_test', true],
      ['post_test', true],
    ]);

    // The organizer's attendee list shows both people with their scores.
    const attendees = await organizer.get(`/api/sessions/${session.id}/attendees`).expect(200);
    expect(attendees.body.attendees.map((a: { fullName: string; prePercent: number | null; postPercent: number | null }) => [a.fullName, a.prePercent, a.postPercent])).toEqual([
      ['สมหญิง ใจดี', 100, expectedPercent],
      ['สมชาย มาสาย', null, null],
    ]);

    // The manager reads the indicator.
    const manager = await org.login('manager');
    const indicators = await manager.get(`/api/indicators?fiscalYear=${session.fiscalYear}`).expect(200);
    const law = indicators.body.programs.find((p: { programCode: string }) => p.programCode === '1.1.1');
    expect(law).toMatchObject({
      attended: 2,
      targetHeadcount: 65,
      sessionsHeld: 1,
      sessionsRequired: 2,
      meanPrePercent: 100,
      meanPostPercent: expectedPercent,
      passed: expectedPercent >= 60 ? 1 : 0,
      missingPostTest: 1,
      notPassed: expectedPercent >= 60 ? 1 : 2,
      passRatePercent: expectedPercent >= 60 ? 50 : 0,
      targetPassRatePercent: 80,
      indicatorMet: false,
    });
  });

  it('finishes an unsubmitted attempt with its saved answers when the organizer closes the test', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.2.1');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ชาวบ้าน หมู่สาม', group: 'citizen' }).expect(200);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200);
    const first = attempt.body.questions[0];
    const keys = await answerKey(t, [first.id]);
    await phone.put(`/api/join/${session.joinCode}/attempts/${attempt.body.id}/answers/${first.id}`).send({ optionIds: keys.get(first.id) }).expect(204);

    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/close`).expect(204);

    const view = await phone.get(`/api/join/${session.joinCode}`).expect(200);
    const pre = view.body.assessments.find((a: { kind: string }) => a.kind === 'pre_test');
    expect(pre.myAttempt).toMatchObject({ submitted: true, score: 1, maxScore: attempt.body.questions.length });
    // A late change after the close is refused and the score stays.
    const late = await phone.put(`/api/join/${session.joinCode}/attempts/${attempt.body.id}/answers/${first.id}`).send({ optionIds: ['a'] });
    expect(late.status).toBe(409);
  });

  it('never sends an answer key, correctness or explanation to a trainee', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1');
    const phone = t.http();
    const bodies: unknown[] = [];
    bodies.push((await phone.get(`/api/join/${session.joinCode}`).expect(200)).body);
    bodies.push((await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ด.ญ. ทดสอบ', group: 'youth', ageBand: '12_14', guardianName: 'นางแม่ ทดสอบ' }).expect(200)).body);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    bodies.push(attempt);
    bodies.push((await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({}).expect(200)).body);
    bodies.push((await phone.get(`/api/join/${session.joinCode}`).expect(200)).body);

    const explanations = await t.db.query(`SELECT explanation FROM questions WHERE id = ANY($1)`, [
      attempt.questions.map((q: { id: string }) => q.id),
    ]);
    for (const body of bodies) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/correct|explanation|isRight|answerKey/i);
      for (const { explanation } of explanations) expect(text).not.toContain(explanation);
    }
  });

  it('refuses a join code that does not exist with a Thai message', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/join/ZZZZZZ').expect(404);
    expect(response.body).toEqual({ code: 'JOIN_CODE_NOT_FOUND', message: expect.stringMatching(/[ก-๙]/) });
  });
});

async function pointsOf(t: TestApp, questionIds: string[]): Promise<Map<string, number>> {
  const rows: { id: string; points: number }[] = await t.db.query(`SELECT id, points FROM questions WHERE id = ANY($1)`, [questionIds]);
  return new Map(rows.map((r) => [r.id, r.points]));
}

async function answerKey(t: TestApp, questionIds: string[]): Promise<Map<string, string[]>> {
  const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(
    `SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`,
    [questionIds],
  );
  return new Map(rows.map((r) => [r.id, r.correct_option_ids]));
}
