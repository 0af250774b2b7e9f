import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { thaiNameKey } from '@sujarit/domain';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createSession, openTest, startTestApp, testIdOf, type TestApp } from '../support/test-app';

/**
 * The same request sent several times at the same moment, as a double click or a retrying phone does: one of
 * them wins, the others are told why in Thai (a 4xx with its code), nothing is made twice, and none is a server
 * error. A database's unique constraint met by the losers used to be the suspect.
 */
describe('the same request several times at once', () => {
  let t: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    const capture = (level: string) => (message: unknown, ...rest: unknown[]) => {
      logged.push(`${level} ${[message, ...rest].map(String).join(' ')}`);
    };
    const logger: LoggerService = { log: capture('log'), error: capture('error'), warn: capture('warn'), debug: capture('debug'), verbose: capture('verbose') };
    t.app.useLogger(logger);
  });
  afterAll(() => t.close());
  afterEach(() => {
    expect(logged.filter((line) => line.startsWith('error') || line.startsWith('warn'))).toEqual([]);
    logged.length = 0;
  });

  const TIMES = 6;
  const thai = /[ก-๙]/;

  /** Sends `send()` TIMES times at once; answers each status with its code, sorted, e.g. `201`, `409 PROGRAM_CODE_TAKEN`. */
  async function together(send: (i: number) => Promise<Response>, times = TIMES): Promise<string[]> {
    const responses = await Promise.all(Array.from({ length: times }, (_, i) => send(i)));
    for (const response of responses) {
      if (response.status >= 400) expect(response.body.message).toMatch(thai);
    }
    return responses.map((r) => (r.status >= 400 ? `${r.status} ${r.body.code}` : String(r.status))).sort();
  }

  const count = async (sql: string, params: unknown[]) => ((await t.db.query(sql, params)) as { n: number }[])[0].n;

  async function organizerOfNewOrganization(template?: null) {
    const org = await t.createOrganization(undefined, template === null ? { template: null } : {});
    return { org, organizer: await org.login('organizer'), admin: await org.login('admin') };
  }

  async function programIdOf(agent: TestAgent, code = '1.1.1'): Promise<{ id: string; fiscalYear: number }> {
    const list = (await agent.get('/api/programs').expect(200)).body as { fiscalYear: number; programs: { id: string; code: string }[] };
    const found = list.programs.find((p) => p.code === code);
    if (!found) throw new Error(`no program ${code}`);
    return { id: found.id, fiscalYear: list.fiscalYear };
  }

  const program = (code: string) => ({ code, name: 'โครงการซ้ำ', audience: 'ประชาชน', ownerUnit: 'สำนักปลัด', description: '' });

  it('creates one program of a code; the others are told the code is taken', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    expect(await together(() => organizer.post('/api/programs').send(program('9.9.9')))).toEqual(['201', ...Array(TIMES - 1).fill('409 PROGRAM_CODE_TAKEN')]);
    expect(await count(`SELECT count(*)::int AS n FROM programs WHERE organization_id = $1 AND code = '9.9.9'`, [org.id])).toBe(1);
  });

  it('gives two programs the same new code once; the other is told the code is taken', async () => {
    const { organizer } = await organizerOfNewOrganization();
    const a = await programIdOf(organizer, '1.1.1');
    const b = await programIdOf(organizer, '1.1.2');
    const answers = await together((i) => organizer.put(`/api/programs/${i % 2 === 0 ? a.id : b.id}`).send(program('8.8.8')), 2);
    expect(answers).toEqual(['200', '409 PROGRAM_CODE_TAKEN']);
  });

  it('invites one user of an email; the others are told the email is taken', async () => {
    const { org, admin } = await organizerOfNewOrganization();
    const email = `twice-${randomUUID().slice(0, 8)}@test.example`;
    expect(await together(() => admin.post('/api/users').send({ displayName: 'ผู้ใช้ ซ้ำกัน', email, role: 'organizer' }))).toEqual([
      '201',
      ...Array(TIMES - 1).fill('409 EMAIL_TAKEN'),
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND email = $2`, [org.id, email])).toBe(1);
  });

  it('enrols a person once; the others are told the person is enrolled already', async () => {
    const { organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer);
    const person = (await organizer.post('/api/people').send({ fullName: 'สมศรี กดซ้ำ', group: 'citizen' }).expect(201)).body.person.id;
    const answers = await together(() => organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person }));
    expect(answers).toEqual(['201', ...Array(TIMES - 1).fill('409 ALREADY_ENROLLED')]);
    expect(await count(`SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1`, [session.id])).toBe(1);
  });

  it("sets a program's settings for a new year once, whoever saves first", async () => {
    const { organizer } = await organizerOfNewOrganization();
    const { id } = await programIdOf(organizer);
    const year = { targetHeadcount: 30, sessionsRequired: 1, budgetBaht: 5000, passMarkPercent: 60, targetPassRatePercent: 80, indicatorBasis: 'pass_rate', ownerUnit: 'สำนักปลัด' };
    const answers = await together((i) => organizer.put(`/api/programs/${id}/years/2690`).send({ ...year, targetHeadcount: 30 + i }));
    expect(answers).toEqual(Array(TIMES).fill('200'));
    expect(await count(`SELECT count(*)::int AS n FROM program_years WHERE program_id = $1 AND fiscal_year = 2690`, [id])).toBe(1);
  });

  it('copies a year to the next once, however often it is asked at once', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const { fiscalYear } = await programIdOf(organizer);
    const answers = await together(() => organizer.post('/api/plan/copy-year').send({ fromFiscalYear: fiscalYear, toFiscalYear: 2695 }));
    expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(answers.filter((a) => a === '200' || a === '201').length).toBeGreaterThanOrEqual(1);
    expect(await count(`SELECT count(*)::int AS n FROM program_years WHERE organization_id = $1 AND fiscal_year = 2695`, [org.id])).toBe(4);
  });

  it('applies a template once to an organization without programs, however often it is asked at once', async () => {
    const { org, organizer } = await organizerOfNewOrganization(null);
    const templates = (await organizer.get('/api/program-templates').expect(200)).body.templates as { id: string }[];
    const answers = await together(() => organizer.post(`/api/program-templates/${templates[0].id}/apply`), 3);
    expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM programs WHERE organization_id = $1`, [org.id])).toBe(4);
  });

  it('checks in one walk-in of a name from several phones at once: one phone holds the name, the others are told', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: true });
    const answers = await together(() => t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'สมชาย สองเครื่อง', group: 'citizen' }));
    expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(answers.filter((a) => a === '200')).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND full_name = 'สมชาย สองเครื่อง'`, [org.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1`, [session.id])).toBe(1);
  });

  it('seats walk-ins arriving at once up to the capacity; the rest are told it is full and nothing of them is kept', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: true, capacity: 4 });
    const answers = await together(
      (i) => t.http().post(`/api/join/${session.joinCode}`).send({ fullName: `ผู้มาใหม่ คนที่${'กขคงจฉชซฌญ'[i]}`, group: 'citizen' }),
      10,
    );
    expect(answers).toEqual([...Array(4).fill('200'), ...Array(6).fill('409 SESSION_FULL')]);
    expect(await count(`SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1 AND status = 'attended'`, [session.id])).toBe(4);
    // Each check-in that found no seat was undone whole: its new person too (PDPA: nothing kept without a need).
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND full_name LIKE 'ผู้มาใหม่%'`, [org.id])).toBe(4);
  });

  it('refuses a capacity below the seats taken by a check-in still in flight, rather than seat more than the capacity', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: true, capacity: 10 });
    // A check-in holds the session's row (as every check-in and enrolment does) while it seats five people.
    const checkIn = t.db.createQueryRunner();
    await checkIn.connect();
    let pending: Promise<Response> | undefined;
    try {
      await checkIn.startTransaction();
      await checkIn.query(`SELECT 1 FROM training_sessions WHERE id = $1 FOR UPDATE`, [session.id]);
      await checkIn.query(
        `WITH p AS (INSERT INTO people (organization_id, full_name, name_key, person_group)
                    SELECT $1, 'คนที่ ' || n, 'คนที่ ' || n, 'citizen' FROM generate_series(1, 5) AS n RETURNING id)
         INSERT INTO enrolments (organization_id, session_id, person_id, status, check_in_code)
         SELECT $1, $2, p.id, 'attended', lpad((row_number() OVER ())::text, 4, '0') FROM p`,
        [org.id, session.id],
      );
      pending = organizer.patch(`/api/sessions/${session.id}`).send({ capacity: 3 }).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await checkIn.commitTransaction();
    } finally {
      if (checkIn.isTransactionActive) await checkIn.rollbackTransaction();
      await checkIn.release();
    }
    const lowered = await pending;
    expect([lowered?.status, lowered?.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(await count(`SELECT capacity AS n FROM training_sessions WHERE id = $1`, [session.id])).toBe(10);
  });

  it('never writes a walk-in’s consent back onto a person whose erasure was in flight', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer, '1.3.1', { allowWalkIns: true });
    const fullName = 'ด.ช. ลบระหว่างทาง';
    const [person]: { id: string }[] = await t.db.query(
      `INSERT INTO people (organization_id, full_name, name_key, person_group) VALUES ($1, $2, $3, 'youth') RETURNING id`,
      [org.id, fullName, thaiNameKey(fullName)],
    );
    // The erasure holds the person's row (PeopleService.erase) while the same youth checks in as a walk-in.
    const erasure = t.db.createQueryRunner();
    await erasure.connect();
    let pending: Promise<Response> | undefined;
    try {
      await erasure.startTransaction();
      await erasure.query(`SELECT 1 FROM people WHERE id = $1 FOR UPDATE`, [person.id]);
      await erasure.query(`UPDATE people SET full_name = 'ลบข้อมูลแล้ว', name_key = '', erased_at = now() WHERE id = $1`, [person.id]);
      pending = t
        .http()
        .post(`/api/join/${session.joinCode}`)
        .send({ fullName, group: 'youth', ageBand: '15_17', guardianName: 'นายพ่อ ลบระหว่างทาง' })
        .then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await erasure.commitTransaction();
    } finally {
      if (erasure.isTransactionActive) await erasure.rollbackTransaction();
      await erasure.release();
    }
    expect((await pending)?.status).toBeLessThan(500);
    expect(await t.db.query(`SELECT age_band, guardian_name FROM people WHERE id = $1`, [person.id])).toEqual([{ age_band: null, guardian_name: null }]);
  });

  it('imports the same list once when it is confirmed several times at once', async () => {
    const { org, organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer);
    const rows = ['สมหมาย นำเข้าซ้ำ', 'สมพร นำเข้าซ้ำ'].map((fullName, i) => ({ line: i + 2, fullName, group: 'citizen' }));
    const answers = await together(() => organizer.post(`/api/sessions/${session.id}/enrolments/import/confirm`).send({ rows }), 3);
    expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1`, [session.id])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND full_name LIKE '% นำเข้าซ้ำ'`, [org.id])).toBe(2);
  });

  it('starts one attempt, saves every answer and keeps one result when a phone repeats itself at once', async () => {
    const { organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer);
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมใจ กดซ้ำ', group: 'staff' }).expect(200);
    const preTest = testIdOf(session, 'pre_test');
    const starts = await Promise.all(
      Array.from({ length: TIMES }, () => phone.post(`/api/join/${session.joinCode}/assessments/${preTest}/attempt`).send({ attemptNumber: 1 })),
    );
    expect(starts.map((r) => r.status)).toEqual(Array(TIMES).fill(200));
    expect(new Set(starts.map((r) => r.body.id)).size).toBe(1);
    const attempt = starts[0].body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    const question = attempt.questions[0];
    const saves = await together((i) =>
      phone.put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${question.id}`).send({ optionIds: [question.options[i % question.options.length].id] }),
    );
    expect(saves).toEqual(Array(TIMES).fill('204'));
    // Different keys: each a submit of its own, of which one finishes the attempt.
    const submits = await together(() =>
      phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({}),
    );
    expect(submits.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(submits.filter((a) => a === '200').length).toBeGreaterThanOrEqual(1);
    expect(await count(`SELECT count(*)::int AS n FROM attempts WHERE assessment_id = $1`, [preTest])).toBe(1);
  });

  it('deletes a program, a session, an expense and a question once; the others are told there is nothing left', async () => {
    const { organizer } = await organizerOfNewOrganization();
    const created = (await organizer.post('/api/programs').send(program('7.7.7')).expect(201)).body.id as string;
    expect(await together(() => organizer.delete(`/api/programs/${created}`))).toEqual(['204', ...Array(TIMES - 1).fill('404 PROGRAM_NOT_FOUND')]);

    const session = await createSession(organizer);
    const expense = (await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าเอกสาร', amountBaht: 10 }).expect(201)).body.expenses[0].id;
    const expenses = await together(() => organizer.delete(`/api/sessions/${session.id}/expenses/${expense}`));
    expect(expenses.filter((a) => a.startsWith('2'))).toHaveLength(1);
    expect(expenses.filter((a) => a.startsWith('5'))).toEqual([]);
    const sessions = await together(() => organizer.delete(`/api/sessions/${session.id}`));
    expect(sessions.filter((a) => a.startsWith('2'))).toHaveLength(1);
    expect(sessions.filter((a) => a.startsWith('5'))).toEqual([]);

    const { id: programId } = await programIdOf(organizer, '1.1.2');
    const question = (
      await organizer
        .post(`/api/programs/${programId}/questions`)
        .send({ topic: 'ซ้ำ', type: 'true_false', stem: 'ลบสองครั้ง', options: [{ text: 'ถูก', weight: 100 }, { text: 'ผิด', weight: 0 }] })
        .expect(201)
    ).body.id as string;
    const removed = await together(() => organizer.delete(`/api/questions/${question}`));
    expect(removed.filter((a) => a.startsWith('2'))).toHaveLength(1);
    expect(removed.filter((a) => a.startsWith('5'))).toEqual([]);
  });

  it('moves a session, an enrolment, a test and a person through their states without a server error when clicked at once', async () => {
    const { organizer } = await organizerOfNewOrganization();
    const session = await createSession(organizer);
    const person = (await organizer.post('/api/people').send({ fullName: 'สมจิต หลายคลิก', group: 'citizen' }).expect(201)).body.person.id;
    const enrolment = (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person }).expect(201)).body.enrolments[0].id;
    const steps = [
      await together(() => organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'open' })),
      await together((i) => organizer.patch(`/api/enrolments/${enrolment}`).send({ status: i % 2 ? 'attended' : 'absent' })),
      await together(() => organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`)),
      await together(() => organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/close`)),
      await together(() => organizer.post(`/api/people/${person}/erase`)),
      await together(() => organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'completed' })),
    ];
    for (const answers of steps) {
      expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
      expect(answers.filter((a) => a.startsWith('2')).length).toBeGreaterThanOrEqual(1);
    }
  });
});
