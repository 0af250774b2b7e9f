import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp, testIdOf } from '../support/test-app';

/** A submit on a weak line is retried; the server must give one result, whatever arrives twice. */
describe('submitting an attempt with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function openAttempt(): Promise<{ phone: TestAgent; url: string; questionIds: string[]; attemptId: string }> {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ส่ง ซ้ำ', group: 'staff' }).expect(200);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    return {
      phone,
      url: `/api/join/${session.joinCode}/attempts/${attempt.id}/submit`,
      questionIds: attempt.questions.map((q: { id: string }) => q.id),
      attemptId: attempt.id,
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
    // A new key after the attempt was submitted gets the first result back, not a second scoring.
    const later = await phone.post(url).set('Idempotency-Key', randomUUID()).send({ answers: { [questionIds[0]]: ['c'] } }).expect(200);
    expect(later.body).toEqual(first.body);
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
