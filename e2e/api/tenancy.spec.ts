import { createSession, sessionRequest, startTestApp, TestApp, testIdOf } from '../support/test-app';

describe('organizations are separate tenants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("never shows or changes another organization's programs and sessions", async () => {
    const orgA = await t.createOrganization('อบต.เอ');
    const orgB = await t.createOrganization('อบต.บี');
    const organizerA = await orgA.login('organizer');
    const organizerB = await orgB.login('organizer');
    const session = await createSession(organizerA);

    const programsB = await organizerB.get('/api/programs').expect(200);
    expect(programsB.body.programs.map((p: { id: string }) => p.id)).not.toContain(session.programId);

    expect((await organizerB.get(`/api/sessions/${session.id}`).expect(404)).body.code).toBe('SESSION_NOT_FOUND');
    await organizerB.get(`/api/sessions/${session.id}/attendees`).expect(404);
    await organizerB.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(404);
    const listB = await organizerB.get('/api/sessions').expect(200);
    expect(listB.body.sessions).toEqual([]);

    // B cannot schedule a session in A's program either.
    const cross = await organizerB.post('/api/sessions').send(sessionRequest(session.programId));
    expect(cross.status).toBe(404);
    expect(cross.body.code).toBe('PROGRAM_NOT_FOUND');
  });

  it('takes the organization from the login, never from the request', async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization();
    const organizerB = await orgB.login('organizer');
    const programs = await organizerB.get('/api/programs').expect(200);
    const smuggled = await organizerB
      .post('/api/sessions')
      .send(sessionRequest(programs.body.programs[0].id, { organizationId: orgA.id }))
      .expect(400);
    expect(smuggled.body.code).toBe('VALIDATION_FAILED');
    expect(smuggled.body.message).toContain('organizationId');
    const query = await organizerB.get(`/api/programs?organizationId=${orgA.id}`).expect(400);
    expect(query.body.code).toBe('VALIDATION_FAILED');
  });

  it("never lets one organization read, edit, archive, restore or delete another's program, or reach it through a template", async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization(undefined, { template: null });
    const organizerA = await orgA.login('organizer');
    const organizerB = await orgB.login('organizer');
    const programA = (await organizerA.get('/api/programs').expect(200)).body.programs[0];
    const details = { code: '9.9.9', name: 'ยึดโครงการ', audience: 'ทุกคน', ownerUnit: 'ไม่มี', description: '' };

    for (const response of [
      await organizerB.get(`/api/programs/${programA.id}`),
      await organizerB.put(`/api/programs/${programA.id}`).send(details),
      await organizerB.post(`/api/programs/${programA.id}/archive`),
      await organizerB.post(`/api/programs/${programA.id}/unarchive`),
      await organizerB.delete(`/api/programs/${programA.id}`),
    ]) {
      expect([response.status, response.body.code]).toEqual([404, 'PROGRAM_NOT_FOUND']);
    }
    expect((await organizerA.get(`/api/programs/${programA.id}`).expect(200)).body).toMatchObject({
      code: programA.code,
      name: programA.name,
      archivedAt: null,
    });
    expect((await organizerB.get('/api/programs?includeArchived=true').expect(200)).body.programs).toEqual([]);

    // Codes are the organization's own: B may use A's, and applying the template fills B alone.
    await organizerB.post('/api/programs').send({ ...details, code: programA.code }).expect(201);
    const applied = (await organizerB.post('/api/program-templates/pron-integrity-plan-2566-2570/apply').expect(200)).body;
    expect(applied.skipped).toEqual([programA.code]);
    const counts: { organization_id: string; n: number }[] = await t.db.query(
      `SELECT organization_id, count(*)::int AS n FROM programs WHERE organization_id IN ($1, $2) GROUP BY organization_id`,
      [orgA.id, orgB.id],
    );
    expect(Object.fromEntries(counts.map((c) => [c.organization_id, c.n]))).toEqual({ [orgA.id]: 4, [orgB.id]: 4 });
  });
});
