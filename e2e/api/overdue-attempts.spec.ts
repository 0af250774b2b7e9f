import { AttemptsService } from '@sujarit/api/attempts/attempts.service';
import { Client } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import { createSession, openTest, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

/**
 * Reads do not write: an attempt whose time ran out counts as finished at its deadline, with the answers it saved,
 * on every page at once; one background sweeper (one process at a time) writes that down.
 */
describe('attempts past their deadline', () => {
  const clock = new TestClock();
  let t: TestApp;
  let other: Client;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    other = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  /** A session whose pre-test has a 5-minute limit, and a phone that started it and answered its first question right. */
  async function runningAttempt() {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const { title, opensAt, closesAt, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes: 5, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection })
      .expect(200);
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'หมดเวลา ทดสอบ', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({}).expect(200)).body;
    const first = attempt.questions[0];
    const [key] = await t.db.query(`SELECT correct_option_ids FROM questions WHERE id = $1`, [first.id]);
    await phone.put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${first.id}`).send({ optionIds: key.correct_option_ids }).expect(204);
    // One right answer of all the test's questions.
    const percent = Math.round((100 / attempt.questions.length) * 100) / 100;
    return { org, organizer, session, preId, phone, attempt: attempt as { id: string; deadlineAt: string }, percent };
  }

  /** What the organizer's session page, the test's page, the indicators and the phone show of the pre-test. */
  async function whatPagesShow(organizer: TestAgent, phone: TestAgent, session: Session, preId: string) {
    const sessionPage = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body;
    const testPage = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const indicators = (await organizer.get(`/api/indicators?fiscalYear=${session.fiscalYear}`).expect(200)).body;
    const attendees = (await organizer.get(`/api/sessions/${session.id}/attendees`).expect(200)).body;
    const phonePage = (await phone.get(`/api/join/${session.joinCode}`).expect(200)).body;
    return {
      sessionPage: sessionPage.assessments.find((a: { id: string }) => a.id === preId).submittedCount,
      testPage: testPage.submittedCount,
      indicator: (({ preTestTaken, meanPrePercent }) => ({ preTestTaken, meanPrePercent }))(
        indicators.programs.find((p: { programId: string }) => p.programId === session.programId),
      ),
      attendee: attendees.attendees[0].prePercent,
      phone: (({ submitted, finishReason, percent }) => ({ submitted, finishReason, percent }))(
        phonePage.assessments.find((a: { id: string }) => a.id === preId).myAttempt,
      ),
    };
  }

  const row = async (attemptId: string) =>
    (
      await t.db.query(`SELECT xmin::text AS version, submitted_at, finish_reason, percent FROM attempts WHERE id = $1`, [attemptId])
    )[0] as { version: string; submitted_at: Date | null; finish_reason: string | null; percent: string | null };

  it('counts it everywhere as finished at its deadline with its saved answers, writes nothing on a read, and the sweep writes it down', async () => {
    const { org, organizer, session, preId, phone, attempt, percent } = await runningAttempt();
    const before = await whatPagesShow(organizer, phone, session, preId);
    expect(before).toMatchObject({ sessionPage: 0, testPage: 0, phone: { submitted: false, finishReason: null } });

    clock.advance(5 * 60_000 + 31_000); // past the deadline and its 30 s grace
    const unwritten = await row(attempt.id);
    const expected = {
      sessionPage: 1,
      testPage: 1,
      indicator: { preTestTaken: 1, meanPrePercent: percent },
      attendee: percent,
      phone: { submitted: true, finishReason: 'deadline', percent },
    };
    expect(await whatPagesShow(organizer, phone, session, preId)).toEqual(expected);
    // Five pages read, the attempt's row untouched: not finished, not even rewritten.
    expect(await row(attempt.id)).toEqual(unwritten);
    expect(unwritten.submitted_at).toBeNull();

    expect(await t.app.get(AttemptsService).finishOverdue(clock.now(), { organizationId: org.id })).toBe(1);
    expect(await row(attempt.id)).toMatchObject({ submitted_at: new Date(attempt.deadlineAt), finish_reason: 'deadline', percent: percent.toFixed(2) });
    expect(await whatPagesShow(organizer, phone, session, preId)).toEqual(expected);
    // Swept once: the next sweep finds nothing of this organization.
    expect(await t.app.get(AttemptsService).finishOverdue(clock.now(), { organizationId: org.id })).toBe(0);
  });

  it('sweeps in one process at a time, and skips an attempt a request holds instead of waiting for it', async () => {
    const { org, attempt } = await runningAttempt();
    clock.advance(5 * 60_000 + 31_000);
    const attempts = t.app.get(AttemptsService);

    // Another process sweeping holds the lock: this one does nothing.
    await other.query(`SELECT pg_advisory_lock(hashtext('sujarit:finish-overdue-attempts'))`);
    try {
      expect(await attempts.finishOverdue(clock.now(), { organizationId: org.id })).toBe(0);
    } finally {
      await other.query(`SELECT pg_advisory_unlock(hashtext('sujarit:finish-overdue-attempts'))`);
    }
    expect((await row(attempt.id)).submitted_at).toBeNull();

    // A phone's hand-in holds the attempt's row: the sweep passes it by at once.
    await other.query('BEGIN');
    try {
      await other.query(`SELECT id FROM attempts WHERE id = $1 FOR UPDATE`, [attempt.id]);
      const began = Date.now();
      expect(await attempts.finishOverdue(clock.now(), { organizationId: org.id })).toBe(0);
      expect(Date.now() - began).toBeLessThan(2000);
    } finally {
      await other.query('ROLLBACK');
    }
    expect(await attempts.finishOverdue(clock.now(), { organizationId: org.id })).toBe(1);
    expect((await row(attempt.id)).finish_reason).toBe('deadline');
  });

  it('runs by itself on a timer in a running app', async () => {
    const previous = process.env.SUJARIT_SWEEP_INTERVAL_MS;
    process.env.SUJARIT_SWEEP_INTERVAL_MS = '200';
    // The real clock: a sweep of every organization never ends another test's attempt before its time.
    const running = await startTestApp();
    if (previous === undefined) delete process.env.SUJARIT_SWEEP_INTERVAL_MS;
    else process.env.SUJARIT_SWEEP_INTERVAL_MS = previous;
    try {
      const org = await running.createOrganization();
      const organizer = await org.login('organizer');
      const session = await createSession(organizer, '1.1.1');
      await openTest(organizer, session, 'pre_test');
      const phone = running.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ตัวจับเวลา ทดสอบ', group: 'staff' }).expect(200);
      const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
      // Its deadline passed a minute ago, by the real clock.
      await running.db.query(`UPDATE attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [attempt.id]);
      let finished: { finish_reason: string | null } = { finish_reason: null };
      for (let waited = 0; waited < 5000 && finished.finish_reason === null; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        [finished] = await running.db.query(`SELECT finish_reason FROM attempts WHERE id = $1`, [attempt.id]);
      }
      expect(finished.finish_reason).toBe('deadline');
    } finally {
      await running.close();
    }
  });
});
