import { createSession, startTestApp, TestApp } from '../support/test-app';

/** Children and youth who register on their own phone: an age band, and below 20 a guardian's consent. */
describe('walk-in youth and consent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const join = (code: string, body: Record<string, unknown>) => t.http().post(`/api/join/${code}`).send(body);
  const peopleOf = (organizationId: string) =>
    t.db.query(
      `SELECT full_name, age_band, guardian_name, guardian_consent_recorded_at IS NOT NULL AS consented
         FROM people WHERE organization_id = $1 ORDER BY full_name`,
      [organizationId],
    );

  it('asks a youth walk-in for the age band, and a minor for the guardian, before keeping anything', async () => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'), '1.3.1');

    const noBand = await join(session.joinCode, { fullName: 'ด.ช. มาใหม่ ใจกล้า', group: 'youth' }).expect(400);
    expect(noBand.body).toEqual({ code: 'AGE_BAND_REQUIRED', message: expect.stringContaining('ช่วงอายุ') });
    const noGuardian = await join(session.joinCode, { fullName: 'ด.ช. มาใหม่ ใจกล้า', group: 'youth', ageBand: '12_14' }).expect(400);
    expect(noGuardian.body.issues).toEqual([expect.objectContaining({ path: 'guardianName' })]);
    const adultBand = await join(session.joinCode, { fullName: 'นายใหญ่ แล้ว', group: 'citizen', ageBand: '20_25' }).expect(400);
    expect(adultBand.body.issues).toEqual([expect.objectContaining({ path: 'ageBand' })]);
    expect(await peopleOf(org.id)).toEqual([]);

    await join(session.joinCode, { fullName: 'ด.ช. มาใหม่ ใจกล้า', group: 'youth', ageBand: '12_14', guardianName: 'นางแม่ ใจกล้า' }).expect(200);
    await join(session.joinCode, { fullName: 'นายโต แล้ว', group: 'youth', ageBand: '20_25', guardianName: 'ไม่ต้องใช้' }).expect(200);
    expect(await peopleOf(org.id)).toEqual([
      { full_name: 'ด.ช. มาใหม่ ใจกล้า', age_band: '12_14', guardian_name: 'นางแม่ ใจกล้า', consented: true },
      // An adult's guardian is not kept: nothing beyond what is needed.
      { full_name: 'นายโต แล้ว', age_band: '20_25', guardian_name: null, consented: false },
    ]);
  });

  it("tells the phone a program is for youth when its target group names them, so the first form asks the age band", async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const youth = await createSession(organizer, '1.3.1');
    const staff = await createSession(organizer, '1.1.1');
    expect((await t.http().get(`/api/join/${youth.joinCode}`).expect(200)).body.youthProgram).toBe(true);
    expect((await t.http().get(`/api/join/${staff.joinCode}`).expect(200)).body.youthProgram).toBe(false);
  });

  it('checks in a listed youth by name alone, consent already on record', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1', { allowWalkIns: false });
    const person = (
      await organizer
        .post('/api/people')
        .send({ fullName: 'ด.ญ. อยู่ในรายชื่อ', group: 'youth', ageBand: '15_17', guardianName: 'นายพ่อ ในรายชื่อ' })
        .expect(201)
    ).body.person;
    await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person.id }).expect(201);
    const joined = await join(session.joinCode, { fullName: 'ด.ญ. อยู่ในรายชื่อ', group: 'youth' }).expect(200);
    expect(joined.body.me.checkedInAt).not.toBeNull();
  });
});
