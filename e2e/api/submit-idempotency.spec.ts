import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

/** A submit on a weak line is retried; the server must give one result, whatever arrives twice. */
describe('submitting an attempt with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function openAttempt(): Promise<{ phone: TestAgent; url: string; questionIds: string[]; attemptId: string; cookie: string }> {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    const phone = t.http();
    const joined = await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ส่ง ซ้ำ', group: 'staff' }).expect(200);
    const cookie = (joined.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    return {
      phone,
      url: `/api/join/${session.joinCode}/attempts/${attempt.id}/submit`,
      questionIds: attempt.questions.map((q: { id: string }) => q.id),
      attemptId: attempt.id,
      cookie,
    };
  }

  it('gives 20 parallel submits of one attempt one result', async () => {
    const { phone, url, questionIds, attemptId } = await openAttempt();
    const key = randomUUID();
    const body = { answers: { [questionIds[0]]: ['a'], [questionIds[1]]: ['b'] } };
    const responses = await Promise.all(Array.from({ length: 20 }, () => phone.post(url).set('Idempotency-Key', key).send(body)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const rows = await t.db.query(`SELECT submitted_at, submit_idempotency_key FROM attempts WHERE id = $1`, [attemptId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].submit_idempotency_key).toBe(key);
  });

  it('refuses the same key with different answers, and keeps the first result', async () => {
    const { phone, url, questionIds } = await openAttempt();
    const key = randomUUID();
    const first = await phone
      .post(url)
      .set('Idempotency-Key', key)
      .send({ answers: { [questionIds[0]]: ['a'], [questionIds[1]]: ['b'] } })
      .expect(200);
    // The same answers in another order are the same request.
    const retry = await phone
      .post(url)
      .set('Idempotency-Key', key)
      .send({ answers: { [questionIds[1]]: ['b'], [questionIds[0]]: ['a'] } })
      .expect(200);
    expect(retry.body).toEqual(first.body);
    const changed = await phone.post(url).set('Idempotency-Key', key).send({ answers: { [questionIds[0]]: ['b'] } }).expect(409);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(changed.body.message).toMatch(/[ก-๙]/);
    // A new key with the very same answers (a phone that lost its key) gets the first result back, not a second scoring.
    const sameAnswers = await phone
      .post(url)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: { [questionIds[0]]: ['a'], [questionIds[1]]: ['b'] } })
      .expect(200);
    expect(sameAnswers.body).toEqual(first.body);
    // A new key with other answers is another hand-in: told it was not the one counted, not handed the result.
    const other = await phone.post(url).set('Idempotency-Key', randomUUID()).send({ answers: { [questionIds[0]]: ['c'] } }).expect(409);
    expect(other.body.code).toBe('ATTEMPT_SUBMITTED_ELSEWHERE');
  });

  it('tells the second of two phones sharing a copied device cookie that its answers were not the ones handed in', async () => {
    const { phone, url, questionIds, attemptId, cookie } = await openAttempt();
    // A second phone with a copy of the first one's cookie (sent by chat, or a backup restored on another phone).
    const copy = t.http();
    const mine = { [questionIds[0]]: ['a'], [questionIds[1]]: ['b'] };
    const theirs = { [questionIds[0]]: ['c'], [questionIds[1]]: ['d'] };
    const keys = [randomUUID(), randomUUID()];
    const [one, two] = await Promise.all([
      phone.post(url).set('Idempotency-Key', keys[0]).send({ answers: mine }),
      copy.post(url).set('Cookie', cookie).set('Idempotency-Key', keys[1]).send({ answers: theirs }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const [won, lost] = one.status === 200 ? [one, two] : [two, one];
    const winnerKey = one.status === 200 ? keys[0] : keys[1];
    const loserKey = one.status === 200 ? keys[1] : keys[0];
    expect(won.body).toMatchObject({ attemptId, finishReason: 'submitted' });
    expect(lost.body).toEqual({
      code: 'ATTEMPT_SUBMITTED_ELSEWHERE',
      message: expect.stringMatching(/ไม่ใช่ชุดที่ถูกส่ง.*อีกเครื่องหนึ่ง/),
    });
    expect(lost.body).not.toHaveProperty('percent');

    const rows = await t.db.query(`SELECT submit_idempotency_key, finish_reason FROM attempts WHERE id = $1 AND submitted_at IS NOT NULL`, [attemptId]);
    expect(rows).toEqual([{ submit_idempotency_key: winnerKey, finish_reason: 'submitted' }]);
    const answers = await t.db.query(`SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = $1 ORDER BY question_id`, [attemptId]);
    const winnerAnswers = winnerKey === keys[0] ? mine : theirs;
    expect(Object.fromEntries(answers.map((r: { question_id: string; option_ids: string[] }) => [r.question_id, r.option_ids]))).toEqual(winnerAnswers);

    // Each phone's retry with its own key gets its own answer again: the winner its result, the other the refusal.
    const winnerAgent = winnerKey === keys[0] ? phone.post(url) : copy.post(url).set('Cookie', cookie);
    const loserAgent = winnerKey === keys[0] ? copy.post(url).set('Cookie', cookie) : phone.post(url);
    expect((await winnerAgent.set('Idempotency-Key', winnerKey).send({ answers: winnerAnswers }).expect(200)).body).toEqual(won.body);
    const loserAnswers = winnerKey === keys[0] ? theirs : mine;
    expect((await loserAgent.set('Idempotency-Key', loserKey).send({ answers: loserAnswers }).expect(409)).body.code).toBe('ATTEMPT_SUBMITTED_ELSEWHERE');
  });

  it('gives an attempt its time ended the result, whatever key the late hand-in carries', async () => {
    const clock = new TestClock();
    const timed = await startTestApp({ clock });
    try {
      const org = await timed.createOrganization();
      const organizer = await org.login('organizer');
      const session = await createSession(organizer, '1.1.2');
      const pre = testIdOf(session, 'pre_test');
      const { title, opensAt, closesAt, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection } = (
        await organizer.get(`/api/assessments/${pre}`).expect(200)
      ).body;
      await organizer
        .put(`/api/assessments/${pre}`)
        .send({ title, opensAt, closesAt, timeLimitMinutes: 5, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection })
        .expect(200);
      const phone = timed.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ส่ง ช้า', group: 'staff' }).expect(200);
      await organizer.post(`/api/assessments/${pre}/open`).expect(204);
      const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${pre}/attempt`).send({}).expect(200)).body;
      clock.advanceMinutes(30);
      // The phone was off the line when its time ran out; a save told it so, and the sweeper may have written it down.
      const late = await phone
        .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .send({ answers: { [attempt.questions[0].id]: [attempt.questions[0].options[0].id] } })
        .expect(200);
      expect(late.body.finishReason).toBe('deadline');
      const again = await phone
        .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
        .set('Idempotency-Key', randomUUID())
        .send({ answers: { [attempt.questions[1].id]: [attempt.questions[1].options[0].id] } })
        .expect(200);
      expect(again.body).toEqual(late.body);
    } finally {
      await timed.close();
    }
  });

  it('needs the key as a UUID', async () => {
    const { phone, url } = await openAttempt();
    const missing = await phone.post(url).send({}).expect(400);
    expect(missing.body.message).toContain('Idempotency-Key');
    await phone.post(url).set('Idempotency-Key', 'not-a-uuid').send({}).expect(400);
    const view = await t.db.query(`SELECT count(*)::int AS n FROM attempts WHERE submitted_at IS NOT NULL AND id = $1`, [url.split('/')[5]]);
    expect(view[0].n).toBe(0);
  });
});
