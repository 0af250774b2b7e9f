import { fiscalYearOf } from '@sujarit/domain';
import { randomUUID } from 'node:crypto';
import { createSession, openTest, startTestApp, TestApp, TestClock, TestOrganization, testIdOf } from '../support/test-app';

const question = {
  topic: 'พ.ร.บ.ข้อมูลข่าวสารของราชการ',
  type: 'single_choice',
  stem: 'ผู้ใดมีสิทธิขอตรวจดูข้อมูลข่าวสารตามมาตรา 9 ได้',
  options: [
    { text: 'เฉพาะผู้มีส่วนได้เสีย', weight: 0 },
    { text: 'บุคคลทั่วไป', weight: 100 },
  ],
  explanation: 'มาตรา 9 ให้บุคคลทั่วไปตรวจดูได้',
};

interface LoggedEvent {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string | null; name: string };
  subject: { type: string; id: string | null; label: string | null };
  changes: Record<string, { from: unknown; to: unknown }>;
  details: Record<string, unknown>;
}

/** Who changed what and when: recorded with the change, read by admins only, never rewritten. */
describe('the audit log', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const programId = async (org: TestOrganization, code: string) =>
    (await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = $2`, [org.id, code]))[0].id as string;

  const logOf = async (org: TestOrganization, query = ''): Promise<{ events: LoggedEvent[]; nextCursor: string | null; actors: { id: string; name: string }[] }> =>
    (await (await org.login('admin')).get(`/api/audit-events${query}`).expect(200)).body;

  it('records question edits, test settings, opening and closing, and an erasure, with who did each and what changed', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const created = (await organizer.post(`/api/programs/${law}/questions`).send(question).expect(201)).body;
    await organizer.put(`/api/questions/${created.id}`).send({ ...question, topic: 'กฎหมายข้อมูลข่าวสาร' }).expect(200);

    const session = await createSession(organizer, '1.1.1');
    const preTest = testIdOf(session, 'pre_test');
    const settings = (await organizer.get(`/api/assessments/${preTest}`).expect(200)).body;
    await organizer
      .put(`/api/assessments/${preTest}`)
      .send({ ...pickSettings(settings), timeLimitMinutes: 20, attemptsAllowed: 2 })
      .expect(200);
    await openTest(organizer, session, 'pre_test');

    // A trainee answers; the log must not hold their name or answers.
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'นายทดสอบ บันทึกไม่ได้', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${preTest}/attempt`).send({}).expect(200)).body;
    const firstQuestion = attempt.questions[0];
    await phone
      .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: { [firstQuestion.id]: [firstQuestion.options[0].id] } })
      .expect(200);
    await organizer.post(`/api/assessments/${preTest}/close`).expect(204);

    const [{ person_id: personId }] = await t.db.query(`SELECT person_id FROM enrolments WHERE session_id = $1`, [session.id]);
    await organizer.post(`/api/people/${personId}/erase`).expect(200);

    const { events, actors } = await logOf(org);
    const organizerName = `organizer ${org.email('organizer').split('@')[0].split('-')[1]} (${org.email('organizer')})`;
    expect(events.map((e) => e.action)).toEqual([
      'person.erased',
      'assessment.closed',
      'assessment.opened',
      'assessment.settings_updated',
      'question.updated',
      'question.created',
    ]);
    expect(new Set(events.map((e) => e.actor.name))).toEqual(new Set([organizerName]));
    expect(actors).toEqual([{ id: events[0].actor.id, name: organizerName }]);

    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    expect(byAction['question.updated'].changes).toEqual({ topic: { from: question.topic, to: 'กฎหมายข้อมูลข่าวสาร' } });
    expect(byAction['question.created']).toMatchObject({ subject: { type: 'question', id: created.id, label: question.stem } });
    expect(byAction['assessment.settings_updated'].changes).toEqual({
      timeLimitMinutes: { from: null, to: 20 },
      attemptsAllowed: { from: 1, to: 2 },
    });
    expect(byAction['assessment.opened'].subject.label).toBe('รุ่นที่ 1: แบบทดสอบก่อนอบรม');
    expect(byAction['person.erased'].subject).toEqual({ type: 'person', id: personId, label: null });

    const everything = JSON.stringify(await t.db.query(`SELECT * FROM audit_events WHERE organization_id = $1`, [org.id]));
    expect(everything).not.toContain('บันทึกไม่ได้');
    expect(everything).not.toContain(org.password);
    // Nothing of the attempt or its answers.
    expect(everything).not.toContain(attempt.id);
  });

  it('records nothing for a change that was refused', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/close`).expect(409);
    await organizer.put(`/api/questions/${randomUUID()}`).send(question).expect(404);
    expect((await logOf(org)).events).toEqual([]);
  });

  it('is for the organization\'s admins only, and shows nothing of another organization', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const organizer = await org.login('organizer');
    await organizer.post(`/api/programs/${await programId(org, '1.1.2')}/questions`).send(question).expect(201);
    await (await org.login('organizer')).get('/api/audit-events').expect(403);
    await (await org.login('manager')).get('/api/audit-events').expect(403);
    await t.http().get('/api/audit-events').expect(401);
    expect((await logOf(other)).events).toEqual([]);
    expect((await logOf(org)).events).toHaveLength(1);
  });

  it('filters by kind, person and time, and pages from newest to oldest', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const admin = await org.login('admin');
    const law = await programId(org, '1.1.1');
    const start = clock.now();
    for (let i = 0; i < 5; i++) {
      await organizer.post(`/api/programs/${law}/questions`).send({ ...question, stem: `${question.stem} ข้อ ${i + 1}` }).expect(201);
      clock.advanceMinutes(10);
    }
    const session = await createSession(admin, '1.1.1');
    await admin.post(`/api/assessments/${testIdOf(session, 'post_test')}/open`).expect(204);

    const questionsOnly = await logOf(org, '?subject=question');
    expect(questionsOnly.events).toHaveLength(5);
    const adminId = (await logOf(org, '?subject=assessment')).events[0].actor.id as string;
    expect((await logOf(org, `?actorId=${adminId}`)).events.map((e) => e.action)).toEqual(['assessment.opened']);

    // 20 to 40 minutes after the first: the third and fourth questions.
    const from = new Date(start.getTime() + 20 * 60_000 - 1000).toISOString();
    const to = new Date(start.getTime() + 40 * 60_000 - 1000).toISOString();
    const window = await logOf(org, `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(window.events.map((e) => e.subject.label)).toEqual([`${question.stem} ข้อ 4`, `${question.stem} ข้อ 3`]);

    const first = await logOf(org, '?subject=question&limit=2');
    expect(first.events.map((e) => e.subject.label)).toEqual([`${question.stem} ข้อ 5`, `${question.stem} ข้อ 4`]);
    const second = await logOf(org, `?subject=question&limit=2&cursor=${first.nextCursor}`);
    expect(second.events.map((e) => e.subject.label)).toEqual([`${question.stem} ข้อ 3`, `${question.stem} ข้อ 2`]);
    const last = await logOf(org, `?subject=question&limit=2&cursor=${second.nextCursor}`);
    expect(last.events.map((e) => e.subject.label)).toEqual([`${question.stem} ข้อ 1`]);
    expect(last.nextCursor).toBeNull();

    const bad = await admin.get('/api/audit-events?subject=passwords').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('cannot be rewritten or deleted, even by the database owner', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    await organizer.post(`/api/programs/${await programId(org, '1.1.1')}/questions`).send(question).expect(201);
    await expect(t.db.query(`UPDATE audit_events SET actor_name = 'someone else' WHERE organization_id = $1`, [org.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE organization_id = $1`, [org.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect((await logOf(org)).events).toHaveLength(1);
  });
  it('records programs, yearly targets and pass marks, users and roles, and password changes', async () => {
    const org = await t.createOrganization(undefined, { template: null });
    const admin = await org.login('admin');
    const organizer = await org.login('organizer');
    const THIS_YEAR = fiscalYearOf(new Date());
    const program = (
      await organizer
        .post('/api/programs')
        .send({ code: '2.1.1', name: 'อบรมการจัดซื้อจัดจ้าง', audience: 'เจ้าหน้าที่พัสดุ', ownerUnit: 'กองคลัง', description: '' })
        .expect(201)
    ).body;
    await organizer
      .put(`/api/programs/${program.id}/years/${THIS_YEAR}`)
      .send({ targetHeadcount: 40, sessionsRequired: 2, budgetBaht: 35000, passMarkPercent: 60, targetPassRatePercent: 80, indicatorBasis: 'pass_rate', ownerUnit: 'กองคลัง' })
      .expect(200);
    await organizer
      .put(`/api/programs/${program.id}/years/${THIS_YEAR}`)
      .send({ targetHeadcount: 40, sessionsRequired: 2, budgetBaht: 35000, passMarkPercent: 70, targetPassRatePercent: 80, indicatorBasis: 'pass_rate', ownerUnit: 'กองคลัง' })
      .expect(200);
    await organizer.post(`/api/programs/${program.id}/archive`).expect(200);
    await organizer.post('/api/program-templates/pron-integrity-plan-2566-2570/apply').expect(200);

    const invited = (await admin.post('/api/users').send({ displayName: 'สมศรี ตั้งใจ', email: `somsri-${Date.now()}@test.example`, role: 'organizer', unit: null }).expect(201)).body;
    await admin.patch(`/api/users/${invited.user.id}`).send({ role: 'manager' }).expect(200);
    await admin.post(`/api/users/${invited.user.id}/deactivate`).expect(200);
    const newPassword = `รหัสผ่านใหม่ของผู้จัด-${Date.now()}`;
    await organizer.post('/api/account/password').send({ currentPassword: org.password, newPassword }).expect(204);

    const { events } = await logOf(org);
    expect(events.map((e) => e.action)).toEqual([
      'user.password_changed',
      'user.deactivated',
      'user.role_changed',
      'user.invited',
      'program.template_applied',
      'program.archived',
      'program_year.updated',
      'program_year.updated',
      'program.created',
    ]);
    const [passwordChanged, , roleChanged, , , , passMark, firstYear] = events;
    expect(passwordChanged.actor.name).toContain(org.email('organizer'));
    expect(roleChanged).toMatchObject({ subject: { label: invited.user.email }, changes: { role: { from: 'organizer', to: 'manager' } } });
    expect(passMark.changes).toEqual({ passMarkPercent: { from: 60, to: 70 } });
    expect(passMark.subject.label).toBe(`2.1.1 ปีงบประมาณ ${THIS_YEAR}`);
    expect(firstYear.changes.targetHeadcount).toEqual({ from: null, to: 40 });
    const everything = JSON.stringify(await t.db.query(`SELECT * FROM audit_events WHERE organization_id = $1`, [org.id]));
    expect(everything).not.toContain(newPassword);
    expect(everything).not.toContain(invited.link.url.split('#')[1]);
  });
  it('records enrolments, check-ins by the organizer and moving a check-in to a new phone, naming people by registry id only', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const person = (await organizer.post('/api/people').send({ fullName: 'นางสาวไม่ควร อยู่ในบันทึก', group: 'staff' }).expect(201)).body.person;
    const listed = (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person.id }).expect(201)).body;
    const enrolment = listed.enrolments[0];
    await organizer.patch(`/api/enrolments/${enrolment.id}`).send({ status: 'attended' }).expect(200);
    await organizer.post(`/api/enrolments/${enrolment.id}/release-phone`).expect(200);

    const { events } = await logOf(org, '?subject=enrolment');
    expect(events.map((e) => [e.action, e.subject.id, e.subject.label])).toEqual([
      ['enrolment.moved_to_new_phone', enrolment.id, 'รุ่นที่ 1'],
      ['enrolment.status_changed', enrolment.id, 'รุ่นที่ 1'],
      ['enrolment.created', enrolment.id, 'รุ่นที่ 1'],
    ]);
    expect(events[1].changes).toEqual({ status: { from: 'enrolled', to: 'attended' } });
    expect(events[2].details).toEqual({ personId: person.id, status: 'enrolled' });
    const everything = JSON.stringify(await t.db.query(`SELECT * FROM audit_events WHERE organization_id = $1`, [org.id]));
    expect(everything).not.toContain('ไม่ควร');
  });

});

/** The settings a PUT takes, from the detail the GET returns. */
function pickSettings(detail: Record<string, unknown>) {
  const fields = ['title', 'opensAt', 'closesAt', 'timeLimitMinutes', 'shuffleQuestions', 'shuffleOptions', 'attemptsAllowed', 'resultsVisibility', 'reviewVisibility', 'selection'];
  return Object.fromEntries(fields.map((f) => [f, detail[f]]));
}
