import { randomUUID } from 'node:crypto';
import { createSession, startTestApp, TestApp } from '../support/test-app';

/**
 * What the database itself refuses, whatever the app's code: a join code held by two organizations, a device taken
 * twice in one session. The keys of tenant tables lead with the organization (docs/MULTITENANCY.md).
 */
describe('keys that hold across organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("keeps a join code to one organization: another's session cannot take it, and a phone still joins by it", async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization();
    const organizerA = await orgA.login('organizer');
    const organizerB = await orgB.login('organizer');
    const sessionA = await createSession(organizerA);
    const sessionB = await createSession(organizerB);

    expect(await t.db.query(`SELECT organization_id FROM join_codes WHERE code = $1`, [sessionA.joinCode])).toEqual([{ organization_id: orgA.id }]);
    // B's session moved onto A's code, behind the app's back.
    await expect(
      t.db.query(`UPDATE training_sessions SET join_code = $1 WHERE id = $2`, [sessionA.joinCode, sessionB.id]),
    ).rejects.toThrow(/FK_training_sessions_join_code/);
    await expect(t.db.query(`INSERT INTO join_codes (code, organization_id) VALUES ($1, $2)`, [sessionA.joinCode, orgB.id])).rejects.toThrow(
      /PK_join_codes/,
    );

    const phone = t.http();
    const page = await phone.get(`/api/join/${sessionA.joinCode}`).expect(200);
    expect(page.body.joinCode).toBe(sessionA.joinCode);
  });

  it('keeps a deleted session’s code taken, so a printed QR code never leads into another session', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    await organizer.delete(`/api/sessions/${session.id}`).expect(204);
    expect((await t.http().get(`/api/join/${session.joinCode}`).expect(404)).body.code).toBe('JOIN_CODE_NOT_FOUND');
    expect(await t.db.query(`SELECT organization_id FROM join_codes WHERE code = $1`, [session.joinCode])).toEqual([{ organization_id: org.id }]);
  });

  it('refuses one device token on two enrolments of a session', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    const hash = randomUUID();
    const people: { id: string }[] = await t.db.query(
      `INSERT INTO people (organization_id, full_name, name_key, person_group)
       SELECT $1, 'คน ' || n, 'คน ' || n, 'staff' FROM generate_series(1, 2) AS n RETURNING id`,
      [org.id],
    );
    const enrol = (personId: string, code: string) =>
      t.db.query(
        `INSERT INTO enrolments (organization_id, session_id, person_id, status, device_token_hash, check_in_code) VALUES ($1, $2, $3, 'attended', $4, $5)`,
        [org.id, session.id, personId, hash, code],
      );
    await enrol(people[0].id, '1111');
    await expect(enrol(people[1].id, '2222')).rejects.toThrow(/UQ_enrolments_device_token/);
  });
});
