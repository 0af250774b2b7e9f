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
});
