import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp, testIdOf } from '../support/test-app';

/** Sessions in fiscal year 2570 (1 Oct 2026 – 30 Sep 2027) on fixed dates, so the tests do not age. */
const morning = { startsAt: '2027-02-15T09:00:00+07:00', endsAt: '2027-02-15T12:00:00+07:00' };

describe('a session from draft to completed or cancelled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const join = (code: string, fullName = 'ผู้เข้าอบรม ทดสอบ') => t.http().post(`/api/join/${code}`).send({ fullName, group: 'staff' });
  const status = (organizer: TestAgent, id: string, to: string) => organizer.post(`/api/sessions/${id}/status`).send({ status: to });

  it('keeps speakers and notes, and lets nobody join a draft until it is scheduled', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1', {
      ...morning,
      status: 'draft',
      speakers: [{ name: 'นายสมศักดิ์ กฎหมายดี', affiliation: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนราธิวาส' }],
      notes: 'นำเอกสารประกอบการอบรมมาด้วย',
    });
    const view = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body;
    expect(view).toMatchObject({
      status: 'draft',
      speakers: [{ name: 'นายสมศักดิ์ กฎหมายดี', affiliation: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนราธิวาส' }],
      notes: 'นำเอกสารประกอบการอบรมมาด้วย',
    });
    expect((await join(session.joinCode).expect(409)).body.code).toBe('SESSION_CLOSED_FOR_JOINING');
    await status(organizer, session.id, 'scheduled').expect(200);
    await join(session.joinCode).expect(200);
  });

  it('edits what was sent, moves the fiscal year with the date, and refuses edits that break a rule', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2', { ...morning, capacity: 5 });
    await join(session.joinCode, 'หนึ่ง').expect(200);
    await join(session.joinCode, 'สอง').expect(200);

    const edited = await organizer.patch(`/api/sessions/${session.id}`).send({ title: 'รุ่นที่ 2', venue: 'หอประชุมอำเภอตากใบ' }).expect(200);
    expect(edited.body).toMatchObject({ title: 'รุ่นที่ 2', venue: 'หอประชุมอำเภอตากใบ', capacity: 5, fiscalYear: 2570 });

    // 2 October 2027 is in fiscal year 2571.
    const moved = await organizer
      .patch(`/api/sessions/${session.id}`)
      .send({ startsAt: '2027-10-02T09:00:00+07:00', endsAt: '2027-10-02T12:00:00+07:00' })
      .expect(200);
    expect(moved.body.fiscalYear).toBe(2571);

    const tooSmall = await organizer.patch(`/api/sessions/${session.id}`).send({ capacity: 1 }).expect(409);
    expect(tooSmall.body.message).toContain('2 คน');
    const backwards = await organizer.patch(`/api/sessions/${session.id}`).send({ endsAt: '2027-10-01T09:00:00+07:00' }).expect(400);
    expect(backwards.body.message).toContain('เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม');
    await organizer.patch(`/api/sessions/${session.id}`).send({ programId: session.programId }).expect(400);
    await (await org.login('manager')).patch(`/api/sessions/${session.id}`).send({ title: 'x' }).expect(403);

    const after = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body;
    expect([after.title, after.capacity, after.endsAt]).toEqual(['รุ่นที่ 2', 5, '2027-10-02T05:00:00.000Z']);
  });

  it('opens when a test opens, completes, and then takes no more check-ins or status changes', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.2.1', morning);
    await join(session.joinCode).expect(200);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    expect((await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.status).toBe('open');
    await status(organizer, session.id, 'completed').expect(200);

    expect((await join(session.joinCode, 'มาสาย').expect(409)).body.code).toBe('SESSION_CLOSED_FOR_JOINING');
    const back = await status(organizer, session.id, 'scheduled').expect(409);
    expect(back.body).toEqual({ code: 'INVALID_STATE', message: 'เปลี่ยนสถานะจาก "เสร็จสิ้น" เป็น "กำหนดการแล้ว" ไม่ได้' });
    await status(organizer, session.id, 'bogus').expect(400);
  });

  it('deletes a session nobody attended, but only cancels one with attendance', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const empty = await createSession(organizer, '1.3.1', morning);
    await organizer.delete(`/api/sessions/${empty.id}`).expect(204);
    await organizer.get(`/api/sessions/${empty.id}`).expect(404);

    const held = await createSession(organizer, '1.3.1', morning);
    await join(held.joinCode, 'ด.ช. มาแล้ว').expect(200);
    const refused = await organizer.delete(`/api/sessions/${held.id}`).expect(409);
    expect(refused.body.code).toBe('SESSION_HAS_ATTENDANCE');
    await organizer.get(`/api/sessions/${held.id}`).expect(200);

    const programsBefore = await organizer.get('/api/programs?fiscalYear=2570').expect(200);
    const youth = (body: { programs: { code: string; progress: { attended: number; sessionsScheduled: number } }[] }) =>
      body.programs.find((p) => p.code === '1.3.1')?.progress;
    expect(youth(programsBefore.body)).toEqual({ attended: 1, enrolled: 1, waitlisted: 0, sessionsScheduled: 1, sessionsHeld: 1 });

    await status(organizer, held.id, 'cancelled').expect(200);
    expect((await join(held.joinCode, 'มาทีหลัง').expect(409)).body.code).toBe('SESSION_CLOSED_FOR_JOINING');
    await organizer.post(`/api/assessments/${testIdOf(held, 'pre_test')}/open`).expect(409);
    await organizer.patch(`/api/sessions/${held.id}`).send({ title: 'แก้หลังยกเลิก' }).expect(409);
    // A cancelled session no longer counts toward the plan.
    const programsAfter = await organizer.get('/api/programs?fiscalYear=2570').expect(200);
    expect(youth(programsAfter.body)).toEqual({ attended: 0, enrolled: 0, waitlisted: 0, sessionsScheduled: 0, sessionsHeld: 0 });
  });

  it('warns when two sessions overlap at the same venue', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await createSession(organizer, '1.1.1', { ...morning, venue: 'ห้องประชุมสภา' });
    const second = await createSession(organizer, '1.2.1', {
      startsAt: '2027-02-15T11:00:00+07:00',
      endsAt: '2027-02-15T15:00:00+07:00',
      venue: '  ห้องประชุมสภา ',
    });
    const elsewhere = await createSession(organizer, '1.1.2', { ...morning, venue: 'โรงเรียนบ้านพร่อน' });
    const afterwards = await createSession(organizer, '1.1.2', {
      startsAt: '2027-02-15T12:00:00+07:00',
      endsAt: '2027-02-15T13:00:00+07:00',
      venue: 'ห้องประชุมสภา',
    });

    const firstView = (await organizer.get(`/api/sessions/${first.id}`).expect(200)).body;
    expect(firstView.overlaps.map((o: { id: string }) => o.id)).toEqual([second.id]);
    const secondView = (await organizer.get(`/api/sessions/${second.id}`).expect(200)).body;
    expect(secondView.overlaps.map((o: { id: string }) => o.id).sort()).toEqual([first.id, afterwards.id].sort());
    expect((await organizer.get(`/api/sessions/${elsewhere.id}`).expect(200)).body.overlaps).toEqual([]);

    await status(organizer, second.id, 'cancelled').expect(200);
    expect((await organizer.get(`/api/sessions/${first.id}`).expect(200)).body.overlaps).toEqual([]);
  });
});
