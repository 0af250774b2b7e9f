import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
interface BankQuestion {
  id: string;
  type: string;
  points: number;
  correctOptionIds: string[];
  options: { id: string }[];
}

/**
 * What the trainee's phone is told of a result: the score, whether it reaches the program-year's pass mark, and after
 * the post-test the change since their own pre-test; attempts count as used once handed in. Hand-worked: four
 * questions of one point each, pass mark 60: one right = 25 % (not passed), three right = 75 % (passed, +50 points).
 */
describe("the trainee's result", () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  /** A session whose pre- and post-test ask the same four one-point choice questions, and the program-year's pass mark set. */
  async function sessionOfFour(passMarkPercent: number) {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const bank = (await organizer.get(`/api/programs/${session.programId}/questions`).expect(200)).body.questions as BankQuestion[];
    const four = bank.filter((q) => (q.type === 'single_choice' || q.type === 'true_false') && q.points === 1).slice(0, 4);
    expect(four).toHaveLength(4);
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } })
      .expect(200);
    await setPassMark(organizer, session, passMarkPercent);
    return { organizer, session, four };
  }

  async function setPassMark(organizer: TestAgent, session: Session, passMarkPercent: number) {
    const programs = (await organizer.get(`/api/programs?fiscalYear=${session.fiscalYear}`).expect(200)).body.programs;
    const program = programs.find((p: { id: string }) => p.id === session.programId);
    const { targetHeadcount, sessionsRequired, budgetBaht, targetPassRatePercent, indicatorBasis, certificateCriterion } = program.year;
    await organizer
      .put(`/api/programs/${session.programId}/years/${session.fiscalYear}`)
      .send({ targetHeadcount, sessionsRequired, budgetBaht, passMarkPercent, targetPassRatePercent, indicatorBasis, certificateCriterion, ownerUnit: program.ownerUnit })
      .expect(200);
  }

  async function joinPhone(session: Session, fullName: string) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'council_member' }).expect(200);
    return phone;
  }

  /** Starts the test, answers `right` of the four questions right and the rest wrong, and hands in; resolves to the result. */
  async function take(phone: TestAgent, session: Session, kind: 'pre_test' | 'post_test', four: BankQuestion[], right: number) {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, kind)}/attempt`).send({ attemptNumber: 1 }).expect(200)).body;
    const answers = Object.fromEntries(
      four.map((q, i) => [q.id, i < right ? q.correctOptionIds : [q.options.find((o) => !q.correctOptionIds.includes(o.id))?.id as string]]),
    );
    return { attempt, submit: () => phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }) };
  }

  const stateOf = async (phone: TestAgent, session: Session, kind: string) =>
    ((await phone.get(`/api/join/${session.joinCode}`).expect(200)).body.assessments as { kind: string }[]).find((a) => a.kind === kind);

  it('shows 25 % before as not passed, 75 % after as passed against a pass mark of 60, and +50 points since the pre-test', async () => {
    const { organizer, session, four } = await sessionOfFour(60);
    const phone = await joinPhone(session, 'สมศรี ใจดี');
    // Someone else in the same session scores 4 of 4 before: the phone is only ever told its own pre-test.
    const other = await joinPhone(session, 'สมปอง รู้มาก');

    await openTest(organizer, session, 'pre_test');
    const pre = await take(phone, session, 'pre_test', four, 1);
    // Started, not handed in: not an attempt used yet.
    expect(await stateOf(phone, session, 'pre_test')).toMatchObject({ attemptsUsed: 0, passMarkPercent: 60, myAttempt: { submitted: false, passed: null } });
    expect((await pre.submit().expect(200)).body).toMatchObject({
      score: 1,
      maxScore: 4,
      percent: 25,
      passMarkPercent: 60,
      passed: false,
      prePercent: null,
      changeSincePrePoints: null,
    });
    await (await take(other, session, 'pre_test', four, 4)).submit().expect(200);
    expect(await stateOf(phone, session, 'pre_test')).toMatchObject({
      attemptsUsed: 1,
      myAttempt: { submitted: true, percent: 25, passed: false, prePercent: null },
    });
    await closeTest(organizer, session, 'pre_test');

    await openTest(organizer, session, 'post_test');
    const post = await take(phone, session, 'post_test', four, 3);
    expect(await stateOf(phone, session, 'post_test')).toMatchObject({ attemptsUsed: 0, myAttempt: { submitted: false } });
    expect((await post.submit().expect(200)).body).toMatchObject({
      score: 3,
      maxScore: 4,
      percent: 75,
      passMarkPercent: 60,
      passed: true,
      prePercent: 25,
      changeSincePrePoints: 50,
    });
    // The session page tells the same after a reload.
    expect(await stateOf(phone, session, 'post_test')).toMatchObject({
      attemptsUsed: 1,
      passMarkPercent: 60,
      myAttempt: { percent: 75, passed: true, prePercent: 25, changeSincePrePoints: 50 },
    });
    // The other person: 100 before, 3 of 4 after is 75, down 25.
    expect((await (await take(other, session, 'post_test', four, 3)).submit().expect(200)).body).toMatchObject({
      percent: 75,
      passed: true,
      prePercent: 100,
      changeSincePrePoints: -25,
    });
  });

  it("follows the program-year's own pass mark, and never reveals a pre-test score its settings hide", async () => {
    const { organizer, session, four } = await sessionOfFour(80);
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, reviewVisibility, selection } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, reviewVisibility, selection, resultsVisibility: 'never' })
      .expect(200);
    const phone = await joinPhone(session, 'มานะ อดทน');

    await openTest(organizer, session, 'pre_test');
    expect((await (await take(phone, session, 'pre_test', four, 1)).submit().expect(200)).body).toMatchObject({
      score: null,
      percent: null,
      passMarkPercent: 80,
      passed: null,
      prePercent: null,
    });
    await closeTest(organizer, session, 'pre_test');
    await openTest(organizer, session, 'post_test');
    // 75 % is below this year's mark of 80; the hidden pre-test gives no change.
    expect((await (await take(phone, session, 'post_test', four, 3)).submit().expect(200)).body).toMatchObject({
      percent: 75,
      passMarkPercent: 80,
      passed: false,
      prePercent: null,
      changeSincePrePoints: null,
    });
  });
});
