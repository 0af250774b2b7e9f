import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

/** One person entered twice counts twice in "distinct people trained" until an organizer merges the two entries. */
describe('merging duplicate people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists people sharing a name key and merges them, moving enrolments and attempts, so the person counts once', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await createSession(organizer, '1.2.1');
    const second = await createSession(organizer, '1.2.1');

    // Listed in the first session and checked in there; in the second they walk in, pick another group, and so are
    // registered again (a walk-in is matched to the registry by name and group).
    const listed = (await organizer.post('/api/people').send({ fullName: 'นายสมชาย ใจดี', group: 'citizen', village: 5, phone: '0812345678' }).expect(201)).body.person;
    const enrolment = await enrol(organizer, first, listed.id);
    await organizer.patch(`/api/enrolments/${enrolment}`).send({ status: 'attended' }).expect(200);
    const phone = t.http();
    await phone.post(`/api/join/${second.joinCode}`).send({ fullName: 'นาย สมชาย ใจดี', group: 'council_member' }).expect(200);
    await openTest(organizer, second, 'pre_test');
    const percent = await takeTest(phone, second);
    await closeTest(organizer, second, 'pre_test');
    // The listed entry's certificate for the first session is printed (and so issued) before anyone notices.
    await organizer.get(`/api/sessions/${first.id}/certificates.pdf`).expect(200);
    const certificates = (await organizer.get(`/api/sessions/${first.id}/certificates`).expect(200)).body.people;
    const code = certificates.find((p: { personId: string }) => p.personId === listed.id).certificate.code as string;
    const other = (await organizer.post('/api/people').send({ fullName: 'นางสมศรี ใจดี', group: 'citizen' }).expect(201)).body.person;

    const citizens = async () =>
      (await organizer.get(`/api/indicators?fiscalYear=${first.fiscalYear}`).expect(200)).body.programs.find(
        (p: { programCode: string }) => p.programCode === '1.2.1',
      );
    expect(await citizens()).toMatchObject({ attended: 2, preTestTaken: 1 });

    const duplicates = (await organizer.get('/api/people/duplicates').expect(200)).body;
    expect(duplicates.groups).toHaveLength(1);
    const group = duplicates.groups[0].people as { id: string; fullName: string; enrolments: number; attempts: number }[];
    const walkIn = group.find((p) => p.id !== listed.id) as (typeof group)[number];
    expect(group.map((p) => [p.fullName, p.enrolments, p.attempts]).sort()).toEqual([
      ['นาย สมชาย ใจดี', 1, 1],
      ['นายสมชาย ใจดี', 1, 0],
    ]);

    // The walk-in's entry stays (say its name is the better one); what it lacked comes from the listed entry.
    const merged = (await organizer.post('/api/people/merge').send({ keepId: walkIn.id, mergeIds: [listed.id] }).expect(200)).body;
    expect(merged).toMatchObject({ movedEnrolments: 1, combinedEnrolments: 0, person: { id: walkIn.id, fullName: 'นาย สมชาย ใจดี', village: 5, phone: '0812345678' } });
    await organizer.get(`/api/people/${listed.id}`).expect(404);
    expect((await organizer.get('/api/people/duplicates').expect(200)).body.groups).toEqual([]);
    // One person, who attended twice and took one pre-test.
    expect(await citizens()).toMatchObject({ attended: 1, preTestTaken: 1, meanPrePercent: percent });
    const firstList = (await organizer.get(`/api/sessions/${first.id}/enrolments`).expect(200)).body.enrolments;
    expect(firstList.map((e: { person: { id: string }; status: string }) => [e.person.id, e.status])).toEqual([[walkIn.id, 'attended']]);
    const secondList = (await organizer.get(`/api/sessions/${second.id}/enrolments`).expect(200)).body.enrolments;
    expect(secondList.map((e: { person: { id: string }; prePercent: number }) => [e.person.id, e.prePercent])).toEqual([[walkIn.id, percent]]);
    // The printed certificate still verifies, now under the entry kept.
    expect((await t.http().get(`/api/certificates/verify/${code}`).expect(200)).body).toMatchObject({ status: 'valid', fullName: 'นาย สมชาย ใจดี' });
    expect((await phone.get(`/api/join/${second.joinCode}`).expect(200)).body.me).toMatchObject({ fullName: 'นาย สมชาย ใจดี' });
    expect((await organizer.get('/api/people?q=ใจดี').expect(200)).body.people.map((p: { id: string }) => p.id).sort()).toEqual([walkIn.id, other.id].sort());

    const audit = (await (await org.login('admin')).get('/api/audit-events?subject=person').expect(200)).body;
    expect(audit.events.map((e: { action: string; subject: { id: string } }) => [e.action, e.subject.id])).toEqual([['person.merged', walkIn.id]]);
  });

  it('folds two enrolments of one session into one, keeping the attended status', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const a = (await organizer.post('/api/people').send({ fullName: 'นางมาลี ศรีสุข', group: 'staff' }).expect(201)).body.person;
    const b = (await organizer.post('/api/people').send({ fullName: 'นาง มาลี ศรีสุข', group: 'staff' }).expect(201)).body.person;
    await enrol(organizer, session, a.id);
    const bEnrolment = await enrol(organizer, session, b.id);
    await organizer.patch(`/api/enrolments/${bEnrolment}`).send({ status: 'attended' }).expect(200);

    const merged = (await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [b.id] }).expect(200)).body;
    expect(merged).toMatchObject({ movedEnrolments: 0, combinedEnrolments: 1 });
    const list = (await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    expect(list.enrolments.map((e: { person: { id: string }; status: string }) => [e.person.id, e.status])).toEqual([[a.id, 'attended']]);
    expect(list.counts).toMatchObject({ enrolled: 0, attended: 1 });
  });

  it('refuses what cannot be one person, and changes nothing', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const a = (await organizer.post('/api/people').send({ fullName: 'นายดำ ขยัน', group: 'staff' }).expect(201)).body.person;
    const b = (await organizer.post('/api/people').send({ fullName: 'นาย ดำ ขยัน', group: 'staff' }).expect(201)).body.person;
    const c = (await organizer.post('/api/people').send({ fullName: 'นายแดง ขยัน', group: 'staff' }).expect(201)).body.person;
    const before = await snapshot();

    const differentName = await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [c.id] }).expect(409);
    expect(differentName.body).toMatchObject({ code: 'PEOPLE_NOT_SAME_NAME', message: 'รวมได้เฉพาะรายชื่อที่ชื่อ-นามสกุลตรงกัน' });
    const self = await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [a.id] }).expect(400);
    expect(self.body.message).toBe('รายชื่อที่คงไว้ต้องไม่อยู่ในรายชื่อที่จะรวม');
    await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [] }).expect(400);
    await (await org.login('manager')).post('/api/people/merge').send({ keepId: a.id, mergeIds: [b.id] }).expect(403);
    await (await org.login('manager')).get('/api/people/duplicates').expect(403);

    // Both answered a test in the same session: two sets of answers cannot become one.
    const aEnrolment = await enrol(organizer, session, a.id);
    const bEnrolment = await enrol(organizer, session, b.id);
    const preId = testIdOf(session, 'pre_test');
    for (const enrolmentId of [aEnrolment, bEnrolment]) {
      await t.db.query(`INSERT INTO attempts (organization_id, assessment_id, enrolment_id, started_at) VALUES ($1, $2, $3, now())`, [org.id, preId, enrolmentId]);
    }
    const withEnrolments = await snapshot();
    const bothAnswered = await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [b.id] }).expect(409);
    expect(bothAnswered.body.code).toBe('MERGE_ATTEMPTS_IN_SAME_SESSION');
    expect(bothAnswered.body.message).toContain('ทั้งสองรายชื่อทำแบบทดสอบในรุ่นเดียวกัน');
    expect(await snapshot()).toEqual(withEnrolments);

    await organizer.post(`/api/people/${c.id}/erase`).expect(200);
    const erased = await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [c.id] }).expect(409);
    expect(erased.body.code).toBe('PERSON_ERASED');

    // Another organization's people are not found, and stay as they are.
    const stranger = await t.createOrganization();
    const theirs = (await (await stranger.login('organizer')).post('/api/people').send({ fullName: 'นายดำ ขยัน', group: 'staff' }).expect(201)).body.person;
    await organizer.post('/api/people/merge').send({ keepId: a.id, mergeIds: [theirs.id] }).expect(404);
    expect((await snapshot()).people).toEqual(expect.arrayContaining(before.people.filter((p) => p !== c.id)));
    expect((await t.db.query(`SELECT count(*)::int AS n FROM people WHERE id = $1`, [theirs.id]))[0].n).toBe(1);

    async function snapshot() {
      const people = (await t.db.query(`SELECT id FROM people WHERE organization_id = $1 ORDER BY id`, [org.id])).map((r: { id: string }) => r.id);
      const enrolments = await t.db.query(`SELECT id, person_id, status FROM enrolments WHERE organization_id = $1 ORDER BY id`, [org.id]);
      return { people: people as string[], enrolments };
    }
  });

  async function enrol(organizer: TestAgent, session: Session, personId: string): Promise<string> {
    const list = (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId }).expect(201)).body;
    return list.enrolments.find((e: { person: { id: string } }) => e.person.id === personId).id;
  }

  /** Takes the session's pre-test on the phone, the first question right and the rest wrong; returns its percent. */
  async function takeTest(phone: TestAgent, session: Session): Promise<number> {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(`SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`, [ids]);
    const keys = new Map(rows.map((r) => [r.id, r.correct_option_ids]));
    const answers: Record<string, string[]> = {};
    (attempt.questions as { id: string; options: { id: string }[] }[]).forEach((q, i) => {
      const key = keys.get(q.id) as string[];
      answers[q.id] = i < 1 ? key : [q.options.filter((o) => !key.includes(o.id))[0].id];
    });
    const result = await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    return result.body.percent as number;
  }
});
