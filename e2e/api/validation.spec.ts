import { createSession, sessionRequest, startTestApp, TestApp, testIdOf } from '../support/test-app';

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const thai = /[ก-๙]/;

  it('refuses a session that ends before it starts, says why in Thai, and creates nothing', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const programs = await organizer.get('/api/programs').expect(200);
    const response = await organizer
      .post('/api/sessions')
      .send(sessionRequest(programs.body.programs[0].id, { startsAt: '2026-12-01T12:00:00+07:00', endsAt: '2026-12-01T09:00:00+07:00' }))
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toMatch(thai);
    expect(response.body.issues).toEqual([{ path: 'endsAt', code: 'endsAfterStart', message: 'เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม' }]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM training_sessions WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(0);
  });

  it('refuses missing fields, a zero capacity and a date without its offset', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const response = await organizer
      .post('/api/sessions')
      .send({ title: '', startsAt: '2026-12-01 09:00', endsAt: '2026-12-01T12:00:00+07:00', venue: 'x', capacity: 0 })
      .expect(400);
    const paths = response.body.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['capacity', 'programId', 'startsAt', 'title']);
    for (const issue of response.body.issues) expect(issue.message).toMatch(thai);
  });

  it('answers malformed JSON with a 400 and a code, not a crash', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const response = await organizer.post('/api/sessions').set('content-type', 'application/json').send('{"title": ').expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toMatch(thai);
  });

  it('refuses a walk-in without a name, an unknown group, or extra personal fields', async () => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'));
    const phone = t.http();
    const noName = await phone.post(`/api/join/${session.joinCode}`).send({ fullName: ' ', group: 'youth' }).expect(400);
    expect(noName.body.message).toContain('กรุณากรอกชื่อ-นามสกุล');
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมศรี', group: 'alien' }).expect(400);
    const extra = await phone
      .post(`/api/join/${session.joinCode}`)
      .send({ fullName: 'สมศรี', group: 'youth', nationalId: '1234567890123' })
      .expect(400);
    expect(extra.body.message).toContain('nationalId');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(0);
  });

  it('refuses an answer with an option the question does not have, and keeps the saved one', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมศักดิ์ รักดี', group: 'staff' }).expect(200);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    const q = attempt.questions[0];
    const url = `/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${q.id}`;
    await phone.put(url).send({ optionIds: [q.options[1].id] }).expect(204);
    const bad = await phone.put(url).send({ optionIds: ['zzz'] }).expect(400);
    expect(bad.body.code).toBe('OPTION_NOT_IN_QUESTION');
    const resumed = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    expect(resumed.answers[q.id]).toEqual([q.options[1].id]);
  });

  it('refuses test actions from a phone that has not joined', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
    const stranger = await t.http().post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(401);
    expect(stranger.body.code).toBe('NOT_JOINED');
  });

  it('never puts a session over capacity when phones join at the same moment', async () => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'), '1.3.1', { capacity: 3 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.http().post(`/api/join/${session.joinCode}`).send({ fullName: `เยาวชน คนที่ ${i + 1}`, group: 'youth', ageBand: '15_17', guardianName: 'ผู้ปกครอง ทดสอบ' }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(7).fill('SESSION_FULL'));
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1`, [session.id]);
    expect(n).toBe(3);
  });

  it('keeps a session at its capacity', async () => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'), '1.2.1', { capacity: 2 });
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'หนึ่ง', group: 'citizen' }).expect(200);
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'สอง', group: 'citizen' }).expect(200);
    const full = await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'สาม', group: 'citizen' }).expect(409);
    expect(full.body.code).toBe('SESSION_FULL');
  });
});
