import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
interface AttemptBody {
  id: string;
  attemptNumber: number;
  questions: { id: string; type: string; options: { id: string; text: string }[] }[];
  answers: Record<string, string[]>;
  submitted: boolean;
  deadlineAt: string | null;
  serverNow: string;
}

/**
 * The assessment engine through the API on a real PostgreSQL, with a clock the test moves:
 * settings, windows, deadlines with grace, attempts, shuffling, results and review, surveys.
 */
describe('assessment engine', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  /** A session of the program with one trainee joined on a phone. */
  async function sessionWithTrainee(programCode = '1.1.1') {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, programCode);
    const phone = await joinPhone(session, 'สมชาย ทดสอบ');
    return { org, organizer, session, phone };
  }

  async function joinPhone(session: Session, fullName: string) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'staff' }).expect(200);
    return phone;
  }

  const start = (phone: TestAgent, session: Session, assessmentId: string, attemptNumber = 1) =>
    phone.post(`/api/join/${session.joinCode}/assessments/${assessmentId}/attempt`).send({ attemptNumber });
  const save = (phone: TestAgent, session: Session, attemptId: string, questionId: string, optionIds: string[]) =>
    phone.put(`/api/join/${session.joinCode}/attempts/${attemptId}/answers/${questionId}`).send({ optionIds });
  const submit = (phone: TestAgent, session: Session, attemptId: string, answers: Record<string, string[]> = {}) =>
    phone.post(`/api/join/${session.joinCode}/attempts/${attemptId}/submit`).set('Idempotency-Key', randomUUID()).send({ answers });
  const view = async (phone: TestAgent, session: Session, assessmentId: string) => {
    const body = (await phone.get(`/api/join/${session.joinCode}`).expect(200)).body;
    return body.assessments.find((a: { id: string }) => a.id === assessmentId);
  };

  async function settingsOf(organizer: TestAgent, assessmentId: string) {
    const detail = (await organizer.get(`/api/assessments/${assessmentId}`).expect(200)).body;
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection } = detail;
    return { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection };
  }

  /** Saves the test's current settings with these changes; resolves to the response. */
  async function updateSettings(organizer: TestAgent, assessmentId: string, changes: Record<string, unknown>) {
    const settings = await settingsOf(organizer, assessmentId);
    return organizer.put(`/api/assessments/${assessmentId}`).send({ ...settings, ...changes });
  }
  async function saveSettings(organizer: TestAgent, assessmentId: string, changes: Record<string, unknown>) {
    const response = await updateSettings(organizer, assessmentId, changes);
    expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: expect.anything() });
    return response;
  }

  /** The right option ids per question, read from the database (a trainee never gets them). */
  async function keyOf(questionIds: string[]): Promise<Map<string, string[]>> {
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(
      `SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`,
      [questionIds],
    );
    return new Map(rows.map((r) => [r.id, r.correct_option_ids]));
  }

  it('gives every session a pre-test, a post-test with the same questions, and the satisfaction survey', async () => {
    const { organizer, session } = await sessionWithTrainee();
    const kinds = session.assessments.map((a) => a.kind);
    expect(kinds.slice(0, 2)).toEqual(['pre_test', 'post_test']);
    const pre = (await organizer.get(`/api/assessments/${testIdOf(session, 'pre_test')}`).expect(200)).body;
    const post = (await organizer.get(`/api/assessments/${testIdOf(session, 'post_test')}`).expect(200)).body;
    expect(post.selection).toEqual({ mode: 'same_as_pre' });
    expect(post.questions.map((q: { id: string }) => q.id)).toEqual(pre.questions.map((q: { id: string }) => q.id));
    expect(pre.questions.every((q: { type: string }) => q.type !== 'likert')).toBe(true);
    // A pre-test's review would teach the post-test's answers.
    expect([pre.reviewVisibility, post.reviewVisibility]).toEqual(['never', 'after_close']);
    const survey = session.assessments.find((a) => a.kind === 'survey');
    if (survey) {
      const detail = (await organizer.get(`/api/assessments/${survey.id}`).expect(200)).body;
      expect(detail.questions.length).toBeGreaterThan(0);
      expect(detail.questions.every((q: { type: string }) => q.type === 'likert')).toBe(true);
    }
  });

  it('draws N random questions per topic once, keeps the post-test paired, allows a parallel form, and refuses a short topic', async () => {
    const { organizer, session } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    const postId = testIdOf(session, 'post_test');
    const bank = (await organizer.get(`/api/programs/${session.programId}/questions`).expect(200)).body.questions as {
      id: string;
      topic: string;
      type: string;
    }[];
    const scored = bank.filter((q) => q.type !== 'likert');
    const topic = scored[0].topic;
    const inTopic = scored.filter((q) => q.topic === topic);
    expect(inTopic.length).toBeGreaterThanOrEqual(3);

    const rule = { mode: 'random_per_topic', perTopic: [{ topic, count: 2 }] };
    const drawn = (await saveSettings(organizer, preId, { selection: rule })).body;
    expect(drawn.questions).toHaveLength(2);
    expect(drawn.questions.every((q: { topic: string }) => q.topic === topic)).toBe(true);
    // Saving the same rule keeps the draw: everyone in the session keeps the same questions.
    const again = (await saveSettings(organizer, preId, { selection: rule, timeLimitMinutes: 15 })).body;
    expect(again.questions).toEqual(drawn.questions);
    expect(again.timeLimitMinutes).toBe(15);
    // The post-test follows the pre-test.
    const post = (await organizer.get(`/api/assessments/${postId}`).expect(200)).body;
    expect(post.questions.map((q: { id: string }) => q.id)).toEqual(drawn.questions.map((q: { id: string }) => q.id));

    // A parallel form: the post-test with its own questions.
    const others = scored.filter((q) => !drawn.questions.some((d: { id: string }) => d.id === q.id)).slice(0, 3);
    const parallel = (await saveSettings(organizer, postId, { selection: { mode: 'fixed', questionIds: others.map((q) => q.id) } })).body;
    expect(parallel.questions.map((q: { id: string }) => q.id)).toEqual(others.map((q) => q.id));

    const short = await updateSettings(organizer, preId, { selection: { mode: 'random_per_topic', perTopic: [{ topic, count: inTopic.length + 1 }] } });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({
      code: 'NOT_ENOUGH_QUESTIONS',
      message: expect.stringContaining(topic),
      params: { topic, available: inTopic.length, requested: inTopic.length + 1 },
    });
    // Nothing changed.
    expect((await organizer.get(`/api/assessments/${preId}`).expect(200)).body.questions).toEqual(drawn.questions);

    const notPost = await updateSettings(organizer, preId, { selection: { mode: 'same_as_pre' } });
    expect(notPost.status).toBe(400);
    const badWindow = await updateSettings(organizer, preId, { opensAt: '2027-01-10T10:00:00+07:00', closesAt: '2027-01-10T09:00:00+07:00' });
    expect(badWindow.status).toBe(400);
    expect(badWindow.body.issues).toEqual([expect.objectContaining({ path: 'closesAt', message: 'เวลาปิดต้องหลังเวลาเปิด' })]);
  });

  it('fixes the questions once someone starts, while times and limits still change', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await openTest(organizer, session, 'pre_test');
    await start(phone, session, preId).expect(200);
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    expect(detail.questionsLocked).toBe(true);
    const fewer = detail.questions.slice(1).map((q: { id: string }) => q.id);
    const refused = await updateSettings(organizer, preId, { selection: { mode: 'fixed', questionIds: fewer } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ASSESSMENT_QUESTIONS_LOCKED');
    const longer = (await saveSettings(organizer, preId, { timeLimitMinutes: 45 })).body;
    expect(longer.timeLimitMinutes).toBe(45);
    expect(longer.questions).toHaveLength(detail.questions.length);
  });

  it('keeps a test shut before its opening time and after its closing time, whatever the status says', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    const now = clock.now().getTime();
    const opensAt = new Date(now + 60 * 60_000).toISOString();
    const closesAt = new Date(now + 2 * 60 * 60_000).toISOString();
    await saveSettings(organizer, preId, { opensAt, closesAt });
    await openTest(organizer, session, 'pre_test');

    expect((await view(phone, session, preId)).state).toBe('scheduled');
    const early = await start(phone, session, preId).expect(409);
    expect(early.body.code).toBe('ASSESSMENT_NOT_OPEN');
    expect(early.body.message).toMatch(/จะเปิดให้ทำ .*25\d\d.* น\.$/);

    clock.advanceMinutes(61);
    expect((await view(phone, session, preId)).state).toBe('open');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    // Without a time limit the deadline is the closing time.
    expect(attempt.deadlineAt).toBe(closesAt);

    clock.advanceMinutes(60);
    expect((await view(phone, session, preId)).state).toBe('closed');
    const late = await joinPhone(session, 'มาสาย หลังปิด');
    expect((await start(late, session, preId).expect(409)).body.code).toBe('ASSESSMENT_NOT_OPEN');
  });

  it('takes answers until the deadline plus grace, then finishes the attempt with what was saved', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { timeLimitMinutes: 10 });
    await openTest(organizer, session, 'pre_test');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    expect(Date.parse(attempt.deadlineAt as string) - Date.parse(attempt.serverNow)).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    const keys = await keyOf(attempt.questions.map((q) => q.id));
    const [q1, q2, q3] = attempt.questions;

    await save(phone, session, attempt.id, q1.id, keys.get(q1.id) as string[]).expect(204);
    clock.advance(10 * 60_000 + 10_000); // 10 s past the deadline: within the grace
    await save(phone, session, attempt.id, q2.id, keys.get(q2.id) as string[]).expect(204);
    clock.advance(30_000); // past the grace
    const refused = await save(phone, session, attempt.id, q3.id, keys.get(q3.id) as string[]).expect(409);
    expect(refused.body).toEqual({ code: 'ATTEMPT_DEADLINE_PASSED', message: expect.stringMatching(/หมดเวลา/) });

    // The phone then sends what it holds: only the answers saved in time count, nothing saved is lost.
    const result = (await submit(phone, session, attempt.id, { [q3.id]: keys.get(q3.id) as string[] }).expect(200)).body;
    expect(result).toMatchObject({ finishReason: 'deadline', score: 2, maxScore: attempt.questions.length });
    expect(result.submittedAt).toBe(attempt.deadlineAt);
    const [row] = await t.db.query(`SELECT coalesce(jsonb_object_agg(question_id, option_ids), '{}') AS answers FROM attempt_answers WHERE attempt_id = $1`, [attempt.id]);
    expect(Object.keys(row.answers).sort()).toEqual([q1.id, q2.id].sort());
  });

  it('counts the answers a phone hands in within the grace, as finished by the deadline', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { timeLimitMinutes: 3 });
    await openTest(organizer, session, 'pre_test');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    const keys = await keyOf(attempt.questions.map((q) => q.id));
    const [q1, q2] = attempt.questions;
    clock.advance(3 * 60_000 + 20_000);
    const result = (await submit(phone, session, attempt.id, { [q1.id]: keys.get(q1.id) as string[], [q2.id]: keys.get(q2.id) as string[] }).expect(200)).body;
    expect(result).toMatchObject({ finishReason: 'deadline', score: 2 });
  });

  it('finishes an attempt whose time ran out even if the phone never came back, and counts it', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { timeLimitMinutes: 5 });
    await openTest(organizer, session, 'pre_test');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    const keys = await keyOf([attempt.questions[0].id]);
    await save(phone, session, attempt.id, attempt.questions[0].id, keys.get(attempt.questions[0].id) as string[]).expect(204);

    const before = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body;
    expect(before.assessments.find((a: { id: string }) => a.id === preId)).toMatchObject({ startedCount: 1, submittedCount: 0 });
    clock.advanceMinutes(6);
    const after = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body;
    expect(after.assessments.find((a: { id: string }) => a.id === preId)).toMatchObject({ startedCount: 1, submittedCount: 1 });
    const attendees = (await organizer.get(`/api/sessions/${session.id}/attendees`).expect(200)).body;
    expect(attendees.attendees[0].prePercent).toBeCloseTo((100 / attempt.questions.length), 1);
    expect((await view(phone, session, preId)).myAttempt).toMatchObject({ submitted: true, finishReason: 'deadline' });
  });

  it('gives a second attempt only when allowed, and a retried start never makes two', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { attemptsAllowed: 2 });
    await openTest(organizer, session, 'pre_test');
    const [first, retried] = await Promise.all([start(phone, session, preId), start(phone, session, preId)]);
    expect(first.body.id).toBe(retried.body.id);
    expect((await start(phone, session, preId, 2).expect(409)).body.code).toBe('INVALID_STATE');
    await submit(phone, session, first.body.id).expect(200);
    expect((await view(phone, session, preId)).canRetake).toBe(true);

    const second: AttemptBody = (await start(phone, session, preId, 2).expect(200)).body;
    expect(second).toMatchObject({ attemptNumber: 2, submitted: false, answers: {} });
    await submit(phone, session, second.id).expect(200);
    const state = await view(phone, session, preId);
    expect(state).toMatchObject({ attemptsUsed: 2, canRetake: false, myAttempt: { attemptNumber: 2 } });
    expect((await start(phone, session, preId, 3).expect(409)).body.code).toBe('NO_ATTEMPTS_LEFT');
  });

  it('shuffles questions and options per attempt, and keeps each attempt\'s order on resume', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { shuffleQuestions: true, shuffleOptions: true });
    await openTest(organizer, session, 'pre_test');
    const bankOrder = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body.questions.map((q: { id: string }) => q.id);

    const orders: string[][] = [];
    const optionOrders: string[] = [];
    for (let i = 0; i < 4; i++) {
      const p = i === 0 ? phone : await joinPhone(session, `ผู้เข้าอบรม ${i}`);
      const a: AttemptBody = (await start(p, session, preId).expect(200)).body;
      const resumed: AttemptBody = (await start(p, session, preId).expect(200)).body;
      expect(resumed.questions).toEqual(a.questions);
      expect([...a.questions.map((q) => q.id)].sort()).toEqual([...bankOrder].sort());
      orders.push(a.questions.map((q) => q.id));
      optionOrders.push(JSON.stringify(a.questions.filter((q) => q.type === 'single_choice').map((q) => q.options.map((o) => o.id))));
      // True/false keeps its order.
      for (const q of a.questions.filter((x) => x.type === 'true_false')) expect(q.options.map((o) => o.text)).toEqual(['ถูก', 'ผิด']);
    }
    // Four attempts of 10+ questions in one order each: the chance that all match by luck is below 1 in 10^19.
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
    expect(orders.some((o) => o.join() !== bankOrder.join())).toBe(true);
    expect(new Set(optionOrders).size).toBeGreaterThan(1);
  });

  it('shows the score only when the settings say, and the review with answers and explanations only after close', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const postId = testIdOf(session, 'post_test');
    await saveSettings(organizer, postId, { resultsVisibility: 'after_close' });
    await openTest(organizer, session, 'post_test');
    const attempt: AttemptBody = (await start(phone, session, postId).expect(200)).body;
    const keys = await keyOf(attempt.questions.map((q) => q.id));
    const first = attempt.questions[0];
    await save(phone, session, attempt.id, first.id, keys.get(first.id) as string[]).expect(204);
    const result = (await submit(phone, session, attempt.id).expect(200)).body;
    expect(result).toMatchObject({ score: null, maxScore: null, percent: null, resultsVisibility: 'after_close', finishReason: 'submitted' });
    const before = await view(phone, session, postId);
    expect(before).toMatchObject({ reviewAvailable: false, myAttempt: { submitted: true, score: null } });
    const early = await phone.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(409);
    expect(early.body.code).toBe('REVIEW_NOT_AVAILABLE');
    expect(JSON.stringify(early.body)).not.toMatch(/correct|explanation/);

    await closeTest(organizer, session, 'post_test');
    const after = await view(phone, session, postId);
    expect(after).toMatchObject({ state: 'closed', reviewAvailable: true, myAttempt: { score: 1, maxScore: attempt.questions.length } });
    const review = (await phone.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(200)).body;
    expect(review.questions.map((q: { id: string }) => q.id)).toEqual(attempt.questions.map((q) => q.id));
    const [explanation] = await t.db.query(`SELECT explanation FROM questions WHERE id = $1`, [first.id]);
    expect(review.questions[0]).toMatchObject({
      chosenOptionIds: keys.get(first.id),
      earned: 1,
      points: 1,
      explanation: explanation.explanation,
    });
    const rightOnes = review.questions[0].options.filter((o: { correct: boolean }) => o.correct).map((o: { id: string }) => o.id);
    expect(rightOnes).toEqual(keys.get(first.id));
    expect(review.questions[1]).toMatchObject({ chosenOptionIds: [], earned: 0 });

    // Another phone cannot read this trainee's review.
    const other = await joinPhone(session, 'คนอื่น ไม่เกี่ยว');
    await other.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(404);
    // With the answers out, the test cannot be reopened for someone else to take.
    const reopen = await organizer.post(`/api/assessments/${postId}/open`).expect(409);
    expect(reopen.body).toEqual({ code: 'INVALID_STATE', message: expect.stringContaining('แสดงเฉลยแล้ว') });
  });

  it('never shows the pre-test review by default, since the post-test asks the same questions', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const preId = testIdOf(session, 'pre_test');
    await openTest(organizer, session, 'pre_test');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    await submit(phone, session, attempt.id).expect(200);
    await closeTest(organizer, session, 'pre_test');
    expect((await view(phone, session, preId)).reviewAvailable).toBe(false);
    await phone.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(409);
  });

  it('runs a survey without a score, keeps it out of the indicators, and deletes only an unused one', async () => {
    const { org, organizer, session, phone } = await sessionWithTrainee('1.2.1');
    const bank = (await organizer.get(`/api/programs/${session.programId}/questions`).expect(200)).body.questions as { id: string; type: string; topic: string }[];
    const likert = bank.filter((q) => q.type === 'likert' && q.topic.startsWith('ติดตามผล'));
    expect(likert.length).toBeGreaterThanOrEqual(3);
    const created = await organizer
      .post(`/api/sessions/${session.id}/assessments`)
      .send({ title: 'แบบติดตามผลการนำไปใช้', selection: { mode: 'fixed', questionIds: likert.map((q) => q.id) } })
      .expect(201);
    expect(created.body).toMatchObject({ kind: 'survey', title: 'แบบติดตามผลการนำไปใช้', status: 'draft' });
    await organizer.post(`/api/assessments/${created.body.id}/open`).expect(204);

    const attempt: AttemptBody = (await start(phone, session, created.body.id).expect(200)).body;
    expect(attempt.questions[0].options.map((o) => o.id)).toEqual(['5', '4', '3', '2', '1']);
    for (const q of attempt.questions) await save(phone, session, attempt.id, q.id, ['4']).expect(204);
    const result = (await submit(phone, session, attempt.id).expect(200)).body;
    expect(result).toMatchObject({ kind: 'survey', score: null, percent: null });

    // A second person answers 5 to the first item and 2 to the rest.
    const second = await joinPhone(session, 'ผู้ตอบ คนที่สอง');
    const theirs: AttemptBody = (await start(second, session, created.body.id).expect(200)).body;
    for (const [i, q] of theirs.questions.entries()) await save(second, session, theirs.id, q.id, [i === 0 ? '5' : '2']).expect(204);
    await submit(second, session, theirs.id).expect(200);
    const results = (await organizer.get(`/api/assessments/${created.body.id}/survey-results`).expect(200)).body;
    expect(results.respondents).toBe(2);
    const firstItem = results.items.find((i: { questionId: string }) => i.questionId === theirs.questions[0].id);
    expect(firstItem).toMatchObject({ answered: 2, mean: 4.5, agreePercent: 100, counts: { 5: 1, 4: 1, 3: 0, 2: 0, 1: 0 } });
    const otherItem = results.items.find((i: { questionId: string }) => i.questionId === theirs.questions[1].id);
    expect(otherItem).toMatchObject({ answered: 2, mean: 3, agreePercent: 50 });
    const manager = await org.login('manager');
    await manager.get(`/api/assessments/${created.body.id}/survey-results`).expect(200);

    const indicators = (await organizer.get(`/api/indicators?fiscalYear=${session.fiscalYear}`).expect(200)).body;
    const program = indicators.programs.find((p: { programId: string }) => p.programId === session.programId);
    expect(JSON.stringify(program)).not.toContain(attempt.id);
    expect(program).toMatchObject({ meanPostPercent: null });

    await organizer.delete(`/api/assessments/${created.body.id}`).expect(409);
    await organizer.delete(`/api/assessments/${testIdOf(session, 'pre_test')}`).expect(409);
    const unused = await organizer
      .post(`/api/sessions/${session.id}/assessments`)
      .send({ title: 'ไม่ได้ใช้', selection: { mode: 'fixed', questionIds: [likert[0].id] } })
      .expect(201);
    await organizer.delete(`/api/assessments/${unused.body.id}`).expect(204);
    // Another organization cannot see or touch it.
    const stranger = await (await t.createOrganization()).login('organizer');
    await stranger.get(`/api/assessments/${created.body.id}`).expect(404);
    await stranger.post(`/api/assessments/${created.body.id}/close`).expect(404);
  });

  it('scores a multiple-choice question with partial credit', async () => {
    const { organizer, session, phone } = await sessionWithTrainee();
    const [question] = await t.db.query(
      `INSERT INTO questions (organization_id, program_id, topic, type, stem, options, correct_option_ids, explanation, points, position)
       SELECT organization_id, id, 'ทดสอบ', 'multiple_choice', 'ข้อใดเป็นหลักธรรมาภิบาล (เลือกได้หลายข้อ)',
              '[{"id":"a","text":"หลักนิติธรรม","weight":50},{"id":"b","text":"หลักความโปร่งใส","weight":50},{"id":"c","text":"หลักพวกพ้อง","weight":-50}]'::jsonb,
              '["a","b"]'::jsonb, 'หลักธรรมาภิบาลมี 6 หลัก', 2, 999
         FROM programs WHERE id = $1 RETURNING id`,
      [session.programId],
    );
    const preId = testIdOf(session, 'pre_test');
    await saveSettings(organizer, preId, { selection: { mode: 'fixed', questionIds: [question.id] } });
    await openTest(organizer, session, 'pre_test');
    const attempt: AttemptBody = (await start(phone, session, preId).expect(200)).body;
    expect(attempt.questions[0]).toMatchObject({ type: 'multiple_choice' });
    await save(phone, session, attempt.id, question.id, ['a', 'b', 'c']).expect(204);
    const result = (await submit(phone, session, attempt.id).expect(200)).body;
    expect(result).toMatchObject({ score: 1, maxScore: 2, percent: 50 });
  });

  it('walks every trainee route in the API docs and finds no key, correctness or explanation before the test closes', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const traineeRoutes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/join/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const { organizer, session, phone } = await sessionWithTrainee();
    const postId = testIdOf(session, 'post_test');
    await saveSettings(organizer, postId, { shuffleOptions: true, timeLimitMinutes: 30 });
    await openTest(organizer, session, 'post_test');

    const visited = new Set<string>();
    const bodies: unknown[] = [];
    const record = (route: string, body: unknown) => {
      visited.add(route);
      bodies.push(body);
    };
    const base = '/api/join/{code}';
    record(`GET ${base}`, (await phone.get(`/api/join/${session.joinCode}`).expect(200)).body);
    record(`POST ${base}`, (await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมชาย ทดสอบ', group: 'staff' }).expect(200)).body);
    const attempt: AttemptBody = (await start(phone, session, postId).expect(200)).body;
    record(`POST ${base}/assessments/{assessmentId}/attempt`, attempt);
    const q = attempt.questions[0];
    const saved = await save(phone, session, attempt.id, q.id, [q.options[0].id]).expect(204);
    record(`PUT ${base}/attempts/{attemptId}/answers/{questionId}`, saved.body);
    const wrong = await save(phone, session, attempt.id, q.id, ['no-such-option']).expect(400);
    bodies.push(wrong.body);
    const early = await phone.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(409);
    record(`GET ${base}/attempts/{attemptId}/review`, early.body);
    record(`POST ${base}/attempts/{attemptId}/submit`, (await submit(phone, session, attempt.id).expect(200)).body);
    bodies.push((await phone.get(`/api/join/${session.joinCode}`).expect(200)).body);

    // Every trainee route was walked: a new one must be added here.
    expect([...visited].sort()).toEqual(traineeRoutes);
    const explanations: { explanation: string }[] = await t.db.query(
      `SELECT explanation FROM questions WHERE id = ANY($1) AND explanation <> ''`,
      [attempt.questions.map((x) => x.id)],
    );
    expect(explanations.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const text = JSON.stringify(body ?? {});
      expect(text).not.toMatch(/correct|explanation|isRight|answerKey|weight/i);
      for (const { explanation } of explanations) expect(text).not.toContain(explanation);
    }

    // After the close the same walk does show them: the check above would have caught a leak.
    await closeTest(organizer, session, 'post_test');
    const review = (await phone.get(`/api/join/${session.joinCode}/attempts/${attempt.id}/review`).expect(200)).body;
    expect(JSON.stringify(review)).toContain(explanations[0].explanation);
  });
});
