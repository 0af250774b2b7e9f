import { JOIN_CODE_ALPHABET } from '@sujarit/contracts';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { WRONG_JOIN_CODE_LIMIT } from '@sujarit/api/trainee/trainee-access';
import { createSession, startTestApp, TestApp, testIdOf } from '../support/test-app';

/**
 * Two API processes on one database, as behind a load balancer: each app below has its own memory (its own
 * AttemptsService with its cache of question options, its own TraineeAccess with its join codes), so what one
 * process remembers must never make it accept what the other changed.
 */
describe('two API processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  interface BankQuestion {
    id: string;
    topic: string;
    type: string;
    stem: string;
    explanation: string;
    points: number;
    options: { id: string; text: string }[];
    correctOptionIds: string[];
  }

  /** The question as its form sends it back, with only its first `keep` options. */
  function editedInput(q: BankQuestion, keep: number) {
    return {
      topic: q.topic,
      type: q.type,
      stem: `${q.stem} (แก้ไข)`,
      explanation: q.explanation,
      points: q.points,
      options: q.options.slice(0, keep).map((o, i) => ({ text: o.text, weight: i === 0 ? 100 : 0 })),
    };
  }

  /** A phone that joined through process B; `on(app)` sends its requests, with its cookie, to either process. */
  async function phoneOf(code: string) {
    const joined = await request(b.app.getHttpServer()).post(`/api/join/${code}`).send({ fullName: 'ผู้ตอบ สองเครื่อง', group: 'staff' }).expect(200);
    const cookie = (joined.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    return {
      put: (app: TestApp, path: string, body: object) => request(app.app.getHttpServer()).put(path).set('Cookie', cookie).send(body),
      post: (app: TestApp, path: string, body: object) => request(app.app.getHttpServer()).post(path).set('Cookie', cookie).send(body),
    };
  }

  it('answers a question edited through A with its new version through B, and keeps the old attempt on the old one', async () => {
    const org = await a.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    const [pre, post] = [testIdOf(session, 'pre_test'), testIdOf(session, 'post_test')];
    await organizer.post(`/api/assessments/${pre}/open`).expect(204);
    const phone = await phoneOf(session.joinCode);
    const attempt = (await phone.post(b, `/api/join/${session.joinCode}/assessments/${pre}/attempt`, {}).expect(200)).body as {
      id: string;
      questions: { id: string; options: { id: string }[] }[];
    };
    const old = attempt.questions.find((q) => q.options.length === 4);
    if (!old) throw new Error('no four-option question in the pre-test');
    // Process B learns the question's four options by saving the fourth.
    await phone.put(b, `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${old.id}`, { optionIds: ['d'] }).expect(204);

    // Through A, the organizer cuts it to three options: it was used, so it becomes a new version.
    const bank = (await organizer.get(`/api/programs/${session.programId}/questions`).expect(200)).body.questions as BankQuestion[];
    const edited = (await organizer.put(`/api/questions/${old.id}`).send(editedInput(bank.find((q) => q.id === old.id) as BankQuestion, 3)).expect(200))
      .body as { id: string };
    expect(edited.id).not.toBe(old.id);

    // The pre-test keeps the version it was started with, through either process.
    await phone.put(b, `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${old.id}`, { optionIds: ['c'] }).expect(204);
    await phone.put(a, `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${old.id}`, { optionIds: ['d'] }).expect(204);
    await phone.post(b, `/api/join/${session.joinCode}/attempts/${attempt.id}/submit`, { answers: {} }).set('Idempotency-Key', randomUUID()).expect(200);

    // The post-test, not taken yet, moved to the new version: B serves it and holds its answers to its three options.
    await organizer.post(`/api/assessments/${post}/open`).expect(204);
    const later = (await phone.post(b, `/api/join/${session.joinCode}/assessments/${post}/attempt`, {}).expect(200)).body as {
      id: string;
      questions: { id: string; options: { id: string }[] }[];
    };
    const now = later.questions.find((q) => q.id === edited.id);
    expect(now?.options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(later.questions.some((q) => q.id === old.id)).toBe(false);
    const refused = await phone.put(b, `/api/join/${session.joinCode}/attempts/${later.id}/answers/${edited.id}`, { optionIds: ['d'] }).expect(400);
    expect(refused.body.code).toBe('OPTION_NOT_IN_QUESTION');
    await phone.put(b, `/api/join/${session.joinCode}/attempts/${later.id}/answers/${edited.id}`, { optionIds: ['c'] }).expect(204);
    const saved = await a.db.query(`SELECT attempt_id, option_ids FROM attempt_answers WHERE question_id = ANY($1::uuid[]) ORDER BY answered_at`, [
      [old.id, edited.id],
    ]);
    expect(saved).toEqual([
      { attempt_id: attempt.id, option_ids: ['d'] },
      { attempt_id: later.id, option_ids: ['c'] },
    ]);
  });

  it('refuses through B an option that A removed from a question B was once asked about', async () => {
    const org = await a.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    const [pre, post] = [testIdOf(session, 'pre_test'), testIdOf(session, 'post_test')];
    // A question in no test yet.
    const extra = (
      await organizer
        .post(`/api/programs/${session.programId}/questions`)
        .send({
          topic: 'ทดสอบ',
          type: 'single_choice',
          stem: 'ข้อใหม่ที่ยังไม่มีใครตอบ',
          options: ['ก', 'ข', 'ค', 'ง'].map((text, i) => ({ text, weight: i === 0 ? 100 : 0 })),
        })
        .expect(201)
    ).body as BankQuestion;
    await organizer.post(`/api/assessments/${pre}/open`).expect(204);
    const phone = await phoneOf(session.joinCode);
    const attempt = (await phone.post(b, `/api/join/${session.joinCode}/assessments/${pre}/attempt`, {}).expect(200)).body as { id: string };
    // A phone names that question in its pre-test (no screen sends this): refused, and B has now read its options.
    const stray = await phone.put(b, `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${extra.id}`, { optionIds: ['d'] }).expect(400);
    expect(stray.body.code).toBe('QUESTION_NOT_IN_ASSESSMENT');

    // Through A: nobody used it, so it is changed in place to two options, and the post-test asks it alone.
    const changed = (await organizer.put(`/api/questions/${extra.id}`).send(editedInput(extra, 2)).expect(200)).body as { id: string };
    expect(changed.id).toBe(extra.id);
    const settings = (await organizer.get(`/api/assessments/${post}`).expect(200)).body;
    await organizer
      .put(`/api/assessments/${post}`)
      .send({
        title: settings.title,
        opensAt: null,
        closesAt: null,
        timeLimitMinutes: null,
        shuffleQuestions: false,
        shuffleOptions: false,
        attemptsAllowed: 1,
        resultsVisibility: settings.resultsVisibility,
        reviewVisibility: settings.reviewVisibility,
        selection: { mode: 'fixed', questionIds: [extra.id] },
      })
      .expect(200);
    await organizer.post(`/api/assessments/${post}/open`).expect(204);
    const later = (await phone.post(b, `/api/join/${session.joinCode}/assessments/${post}/attempt`, {}).expect(200)).body as {
      id: string;
      questions: { id: string; options: { id: string }[] }[];
    };
    expect(later.questions.map((q) => q.options.map((o) => o.id))).toEqual([['a', 'b']]);

    // B must not take the removed fourth option from what it read before the change.
    const refused = await phone.put(b, `/api/join/${session.joinCode}/attempts/${later.id}/answers/${extra.id}`, { optionIds: ['d'] }).expect(400);
    expect(refused.body.code).toBe('OPTION_NOT_IN_QUESTION');
    await phone.put(b, `/api/join/${session.joinCode}/attempts/${later.id}/answers/${extra.id}`, { optionIds: ['b'] }).expect(204);
    expect(await a.db.query(`SELECT option_ids FROM attempt_answers WHERE attempt_id = $1`, [later.id])).toEqual([{ option_ids: ['b'] }]);
  });

  it('lets a phone that joined through B go on through A, and counts wrong join codes across both', async () => {
    const org = await a.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    const pre = testIdOf(session, 'pre_test');
    await organizer.post(`/api/assessments/${pre}/open`).expect(204);
    const phone = await phoneOf(session.joinCode);
    // Its cookie is a token whose hash is in the database, not a session in B's memory.
    const attempt = (await phone.post(a, `/api/join/${session.joinCode}/assessments/${pre}/attempt`, {}).expect(200)).body as {
      id: string;
      questions: { id: string }[];
    };
    await phone.put(b, `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${attempt.questions[0].id}`, { optionIds: ['a'] }).expect(204);
    // A sign-in made through A works through B: the auth session is a row, found by its token's hash.
    const login = await request(a.app.getHttpServer()).post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const throughB = await request(b.app.getHttpServer()).get(`/api/sessions/${session.id}/live`).set('Cookie', cookie).expect(200);
    expect(throughB.body.assessments.find((t: { id: string }) => t.id === pre).startedCount).toBe(1);

    // Wrong join codes from one address count in the database, whichever process answers: half through each
    // use up the allowance, and both then refuse that address.
    const wrong = (app: TestApp) =>
      request(app.app.getHttpServer()).get(`/api/join/${Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('')}`);
    const answers: number[] = [];
    for (let n = 0; n < WRONG_JOIN_CODE_LIMIT; n++) answers.push((await wrong(n % 2 === 0 ? a : b)).status);
    expect(answers.filter((status) => status === 404)).toHaveLength(WRONG_JOIN_CODE_LIMIT);
    await wrong(a).expect(429);
    await wrong(b).expect(429);
  });
});
