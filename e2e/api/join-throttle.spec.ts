import { JOIN_CODE_ALPHABET } from '@sujarit/contracts';
import { WRONG_JOIN_CODE_LIMIT, WRONG_JOIN_CODE_WINDOW_MS } from '@sujarit/api/trainee/trainee-access';
import { randomInt, randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSession, openTest, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

/**
 * Guessing join codes is slowed per client address: 100 wrong codes per 15 minutes are answered, then every
 * request from that address that is not from a phone already joined is refused alike, right code or wrong.
 */
describe('wrong join codes', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    // Each request below comes from an address of its own (X-Forwarded-For), as behind a reverse proxy.
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  /** Codes in the right form that no session has. */
  async function wrongCodes(count: number): Promise<string[]> {
    const codes = new Set<string>();
    while (codes.size < count) {
      codes.add(Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join(''));
    }
    const taken: { join_code: string }[] = await t.db.query(`SELECT join_code FROM training_sessions WHERE join_code = ANY($1)`, [[...codes]]);
    for (const { join_code } of taken) codes.delete(join_code);
    return [...codes];
  }

  /** Every kind of trainee route, so each one counts: the page's lookup, check-in, and the attempt routes. */
  const probe = (agent: TestAgent, code: string, address: string, i: number) => {
    switch (i % 4) {
      case 0:
        return agent.get(`/api/join/${code}`).set('X-Forwarded-For', address);
      case 1:
        return agent.post(`/api/join/${code}`).set('X-Forwarded-For', address).send({ fullName: 'ลอง เดารหัส', group: 'citizen' });
      case 2:
        return agent.post(`/api/join/${code}/assessments/${randomUUID()}/attempt`).set('X-Forwarded-For', address).send({ attemptNumber: 1 });
      default:
        return agent.get(`/api/join/${code}/attempts/${randomUUID()}/review`).set('X-Forwarded-For', address);
    }
  };
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

  it('answers 100 wrong codes from one address, refuses the rest in Thai, and leaves other addresses and joined phones alone', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    const hall = '203.0.113.50';

    // A phone in the hall joins and starts the pre-test before anything happens.
    const joined = t.http();
    await joined.post(`/api/join/${session.joinCode}`).set('X-Forwarded-For', hall).send({ fullName: 'สมชาย ในห้องประชุม', group: 'staff' }).expect(200);
    await openTest(organizer, session, 'pre_test');
    const preId = testIdOf(session, 'pre_test');
    const attempt = (
      await joined.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).set('X-Forwarded-For', hall).send({ attemptNumber: 1 }).expect(200)
    ).body as { id: string; questions: { id: string; options: { id: string }[] }[] };

    // 150 wrong codes sent at once from the hall's address, on every kind of trainee route: exactly 100 are answered.
    const codes = await wrongCodes(150);
    const statuses = await Promise.all(codes.map((code, i) => probe(t.http(), code, hall, i).then((r) => r.status)));
    expect(tally(statuses)).toEqual({ 404: WRONG_JOIN_CODE_LIMIT, 429: 150 - WRONG_JOIN_CODE_LIMIT });

    const [another] = await wrongCodes(1);
    const refused = await t.http().get(`/api/join/${another}`).set('X-Forwarded-For', hall).expect(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_JOIN_CODE_ATTEMPTS', message: expect.stringContaining('15 นาที') });

    // A fresh phone on the same address with the right code is refused exactly like a wrong code, on every route.
    const fresh = t.http();
    for (let i = 0; i < 4; i++) {
      const response = await probe(fresh, session.joinCode, hall, i).expect(429);
      expect(response.body).toEqual(refused.body);
    }

    // The phone that joined never notices: its page, its answers and its hand-in all work.
    const page = await joined.get(`/api/join/${session.joinCode}`).set('X-Forwarded-For', hall).expect(200);
    expect(page.body.me.fullName).toBe('สมชาย ในห้องประชุม');
    const [q] = attempt.questions;
    await joined.put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${q.id}`).set('X-Forwarded-For', hall).send({ optionIds: [q.options[0].id] }).expect(204);
    await joined.post(`/api/join/${session.joinCode}`).set('X-Forwarded-For', hall).send({ fullName: 'สมชาย ในห้องประชุม', group: 'staff' }).expect(200);
    await joined
      .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
      .set('X-Forwarded-For', hall)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: {} })
      .expect(200);

    // Another address is not affected: its wrong code is answered, its right code works.
    const elsewhere = '198.51.100.20';
    expect((await t.http().get(`/api/join/${another}`).set('X-Forwarded-For', elsewhere).expect(404)).body.code).toBe('JOIN_CODE_NOT_FOUND');
    await t.http().get(`/api/join/${session.joinCode}`).set('X-Forwarded-For', elsewhere).expect(200);
    await t.http().post(`/api/join/${session.joinCode}`).set('X-Forwarded-For', elsewhere).send({ fullName: 'สมหญิง ต่างเครือข่าย', group: 'staff' }).expect(200);

    // No address or code is stored, only hashes.
    const keys: { key: string }[] = await t.db.query(`SELECT key FROM throttle_buckets`);
    expect(JSON.stringify(keys)).not.toMatch(/203\.0\.113|join-code/);

    // After the window the address is answered again: the fresh phone joins, a wrong code is a plain 404.
    clock.advance(WRONG_JOIN_CODE_WINDOW_MS + 1000);
    await fresh.get(`/api/join/${session.joinCode}`).set('X-Forwarded-For', hall).expect(200);
    await fresh.post(`/api/join/${session.joinCode}`).set('X-Forwarded-For', hall).send({ fullName: 'สมปอง มาทีหลัง', group: 'staff' }).expect(200);
    expect((await t.http().get(`/api/join/${another}`).set('X-Forwarded-For', hall).expect(404)).body.code).toBe('JOIN_CODE_NOT_FOUND');
  });

  it('leaves room for a hall full of typos: 99 wrong codes from one address and every phone still joins', async () => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'), '1.3.1', { capacity: 190 });
    const hall = '203.0.113.60';
    for (const code of await wrongCodes(WRONG_JOIN_CODE_LIMIT - 1)) {
      await t.http().get(`/api/join/${code}`).set('X-Forwarded-For', hall).expect(404);
    }
    const phones = Array.from({ length: 20 }, () => t.http());
    const statuses = await Promise.all(
      phones.map((phone, i) =>
        phone
          .post(`/api/join/${session.joinCode}`)
          .set('X-Forwarded-For', hall)
          .send({ fullName: `เยาวชน คนที่ ${i + 1}`, group: 'youth', ageBand: '20_25' })
          .then((r) => r.status),
      ),
    );
    expect(tally(statuses)).toEqual({ 200: 20 });
    // Right codes are never counted: the hall still has its last wrong code to spare.
    const [last] = await wrongCodes(1);
    await t.http().get(`/api/join/${last}`).set('X-Forwarded-For', hall).expect(404);
    await t.http().get(`/api/join/${last}`).set('X-Forwarded-For', hall).expect(429);
  });
});
