import { randomUUID } from 'node:crypto';
import { createSession, startTestApp, TestApp, testIdOf } from '../support/test-app';

const youth = {
  fullName: 'ด.ญ. มะลิ ดีงาม',
  group: 'youth',
  village: 3,
  school: 'โรงเรียนบ้านพร่อน',
  ageBand: '12_14',
  guardianName: 'นางมาลี ดีงาม',
};

describe('the people registry and PDPA', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records a minor only with a guardian who consented, and keeps no national ID', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const missing = await organizer.post('/api/people').send({ ...youth, guardianName: null }).expect(400);
    expect(missing.body.issues).toEqual([{ path: 'guardianName', code: 'guardianRequired', message: 'ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม' }]);
    await organizer.post('/api/people').send({ ...youth, nationalId: '1960100000000' }).expect(400);

    const created = await organizer.post('/api/people').send(youth).expect(201);
    expect(created.body.person).toMatchObject({ fullName: 'ด.ญ. มะลิ ดีงาม', minor: true, village: 3, guardianConsent: { guardianName: 'นางมาลี ดีงาม' } });
    expect(created.body.possibleDuplicates).toEqual([]);
    const adult = await organizer.post('/api/people').send({ fullName: 'นายสมชาย ใจดี', group: 'citizen', village: 5, phone: '0812345678' }).expect(201);
    expect(adult.body.person).toMatchObject({ minor: false, guardianConsent: null, school: null });
    const schoolForAdult = await organizer.post('/api/people').send({ fullName: 'นางสมศรี', group: 'citizen', school: 'โรงเรียน' }).expect(400);
    expect(schoolForAdult.body.issues[0].path).toBe('school');
  });

  it('warns about a likely duplicate: same name written differently, same group and village', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await organizer.post('/api/people').send(youth).expect(201);
    const again = await organizer.post('/api/people').send({ ...youth, fullName: 'เด็กหญิงมะลิ  ดีงาม' }).expect(201);
    expect(again.body.possibleDuplicates.map((p: { id: string }) => p.id)).toEqual([first.body.person.id]);
    const otherVillage = await organizer.post('/api/people').send({ ...youth, village: 7 }).expect(201);
    expect(otherVillage.body.possibleDuplicates).toEqual([]);
  });

  it('finds people by part of their name, in Thai order, within the organization only', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const organizer = await org.login('organizer');
    for (const fullName of ['สมหญิง ใจดี', 'กมล ใจดี', 'ประยุทธ ขยัน']) {
      await organizer.post('/api/people').send({ fullName, group: 'staff' }).expect(201);
    }
    await (await other.login('organizer')).post('/api/people').send({ fullName: 'สมศักดิ์ ใจดี', group: 'staff' }).expect(201);
    const found = await organizer.get(`/api/people?q=${encodeURIComponent('ใจดี')}`).expect(200);
    expect(found.body.people.map((p: { fullName: string }) => p.fullName)).toEqual(['กมล ใจดี', 'สมหญิง ใจดี']);
    await (await org.login('manager')).get('/api/people').expect(403);
  });

  it('erases a person on request: details gone, attendance and scores still counted anonymously', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ด.ช. ขอลบ ข้อมูล', group: 'youth', ageBand: '12_14', guardianName: 'นางผู้ปกครอง ขอลบ' }).expect(200);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({}).expect(200);
    const [{ id }] = await t.db.query(`SELECT id FROM people WHERE organization_id = $1`, [org.id]);

    const erased = await organizer.post(`/api/people/${id}/erase`).expect(200);
    expect(erased.body).toMatchObject({ fullName: 'ลบข้อมูลแล้ว', erased: true, village: null, school: null, phone: null });
    const [row] = await t.db.query(`SELECT full_name, name_key FROM people WHERE id = $1`, [id]);
    expect(row).toEqual({ full_name: 'ลบข้อมูลแล้ว', name_key: '' });
    // Name and the guardian's name both gone.
    expect(JSON.stringify(await t.db.query(`SELECT * FROM people WHERE id = $1`, [id]))).not.toContain('ขอลบ');

    const indicators = await organizer.get(`/api/indicators?fiscalYear=${session.fiscalYear}`).expect(200);
    expect(indicators.body.programs.find((p: { programCode: string }) => p.programCode === '1.3.1')).toMatchObject({ attended: 1, preTestTaken: 1 });
    // The phone no longer reaches the erased person's record.
    const view = await phone.get(`/api/join/${session.joinCode}`).expect(200);
    expect(view.body.me).toBeNull();
    expect((await organizer.post(`/api/people/${id}/erase`).expect(409)).body.code).toBe('PERSON_ERASED');
    expect((await organizer.get(`/api/people?q=${encodeURIComponent('ขอลบ')}`).expect(200)).body.people).toEqual([]);
  });

  it('corrects a person with the rules of adding one; the log names the fields changed, never their values', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const created = (await organizer.post('/api/people').send(youth).expect(201)).body.person;
    const consentedAt = created.guardianConsent.recordedAt;

    // The same rules as adding: a minor needs a guardian, a school only for youth, no unknown fields.
    const noGuardian = await organizer.patch(`/api/people/${created.id}`).send({ ...youth, guardianName: '' }).expect(400);
    expect(noGuardian.body.issues).toEqual([{ path: 'guardianName', code: 'guardianRequired', message: 'ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม' }]);
    const adultWithSchool = await organizer.patch(`/api/people/${created.id}`).send({ ...youth, group: 'citizen', ageBand: null }).expect(400);
    expect(adultWithSchool.body.issues[0].path).toBe('school');
    await organizer.patch(`/api/people/${created.id}`).send({ ...youth, nationalId: '1960100000000' }).expect(400);

    const edited = await organizer
      .patch(`/api/people/${created.id}`)
      .send({ ...youth, fullName: 'ด.ญ. มะลิวัลย์ ดีงาม', village: 4, phone: '0891234567' })
      .expect(200);
    expect(edited.body).toMatchObject({ id: created.id, fullName: 'ด.ญ. มะลิวัลย์ ดีงาม', village: 4, phone: '0891234567', school: 'โรงเรียนบ้านพร่อน', minor: true });
    // The guardian did not change: the consent keeps the time it was given.
    expect(edited.body.guardianConsent).toEqual({ guardianName: 'นางมาลี ดีงาม', recordedAt: consentedAt });
    // The name key follows the new name: search finds the person by it.
    const [row] = await t.db.query(`SELECT name_key FROM people WHERE id = $1`, [created.id]);
    expect(row.name_key).toContain('มะลิวัลย์');
    expect((await organizer.get(`/api/people?q=${encodeURIComponent('มะลิวัลย์')}`).expect(200)).body.people.map((p: { id: string }) => p.id)).toEqual([created.id]);

    // Saving the same details again is no change and leaves no line.
    await organizer.patch(`/api/people/${created.id}`).send({ ...youth, fullName: 'ด.ญ. มะลิวัลย์ ดีงาม', village: 4, phone: '0891234567' }).expect(200);
    const audit = (await (await org.login('admin')).get('/api/audit-events?subject=person').expect(200)).body;
    expect(audit.events.map((e: { action: string; subject: { id: string }; details: object; changes: object }) => [e.action, e.subject.id, e.details, e.changes])).toEqual([
      ['person.updated', created.id, { fullName: true, village: true, phone: true }, {}],
    ]);
    const logged = JSON.stringify(await t.db.query(`SELECT * FROM audit_events WHERE organization_id = $1`, [org.id]));
    for (const personal of ['มะลิ', '0891234567', 'ดีงาม']) expect(logged).not.toContain(personal);

    // Managers do not see people, let alone edit them; other organizations do not find them.
    await (await org.login('manager')).patch(`/api/people/${created.id}`).send(youth).expect(403);
    const other = await t.createOrganization();
    expect((await (await other.login('organizer')).patch(`/api/people/${created.id}`).send(youth).expect(404)).body.code).toBe('PERSON_NOT_FOUND');

    await organizer.post(`/api/people/${created.id}/erase`).expect(200);
    expect((await organizer.patch(`/api/people/${created.id}`).send(youth).expect(409)).body.code).toBe('PERSON_ERASED');
    expect((await organizer.get(`/api/people/${created.id}`).expect(200)).body.fullName).toBe('ลบข้อมูลแล้ว');
  });
});
