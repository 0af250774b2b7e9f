import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

/**
 * The projector's counts (GET /api/sessions/:id/live) with state made by hand through the phones' own API:
 * 5 phones join, 3 start the pre-test, 2 of them hand it in → checked in 5, pre-test started 3, submitted 2.
 */
describe('the live session counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function join(session: Session, fullName: string) {
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'council_member' }).expect(200);
    return phone;
  }

  async function start(phone: TestAgent, session: Session, kind: 'pre_test' | 'post_test') {
    return (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, kind)}/attempt`).send({ attemptNumber: 1 }).expect(200)).body as {
      id: string;
    };
  }

  const submit = (phone: TestAgent, session: Session, attemptId: string) =>
    phone.post(`/api/join/${session.joinCode}/attempts/${attemptId}/submit`).set('Idempotency-Key', randomUUID()).send({ answers: {} }).expect(200);

  it('counts 5 checked in, 3 who started the pre-test and 2 who handed it in, and the post-test still closed', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');

    const empty = (await organizer.get(`/api/sessions/${session.id}/live`).expect(200)).body;
    expect(empty).toMatchObject({ id: session.id, joinCode: session.joinCode, joinPath: `/j/${session.joinCode}`, checkedInCount: 0 });

    const phones = [];
    for (const name of ['สมศรี ใจดี', 'สมปอง รู้มาก', 'สมชาย ตั้งใจ', 'สมหญิง มีสุข', 'สมหมาย ดีงาม']) phones.push(await join(session, name));
    await openTest(organizer, session, 'pre_test');
    const attempts = [];
    for (const phone of phones.slice(0, 3)) attempts.push(await start(phone, session, 'pre_test'));
    await submit(phones[0], session, attempts[0].id);
    await submit(phones[1], session, attempts[1].id);

    const live = (await organizer.get(`/api/sessions/${session.id}/live`).expect(200)).body;
    expect(live.checkedInCount).toBe(5);
    const byKind = Object.fromEntries((live.assessments as { kind: string }[]).map((a) => [a.kind, a]));
    expect(byKind.pre_test).toMatchObject({ status: 'open', state: 'open', startedCount: 3, submittedCount: 2 });
    expect(byKind.post_test).toMatchObject({ status: 'draft', startedCount: 0, submittedCount: 0 });

    // A manager reads the same counts.
    const manager = await org.login('manager');
    expect((await manager.get(`/api/sessions/${session.id}/live`).expect(200)).body.checkedInCount).toBe(5);
  });

  it("is not found for another organization's staff, and refused to a trainee's phone and to nobody signed in", async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const phone = await join(session, 'สมศรี ใจดี');

    const other = await t.createOrganization();
    for (const role of ['organizer', 'manager', 'admin'] as const) {
      const res = await (await other.login(role)).get(`/api/sessions/${session.id}/live`).expect(404);
      expect(res.body.code).toBe('SESSION_NOT_FOUND');
    }
    const fromPhone = await phone.get(`/api/sessions/${session.id}/live`);
    expect([401, 403]).toContain(fromPhone.status);
    const anonymous = await t.http().get(`/api/sessions/${session.id}/live`);
    expect(anonymous.status).toBe(401);
  });
});
