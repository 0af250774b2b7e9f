import { ThrottleService } from '@sujarit/api/throttle/throttle.service';
import { startTestApp, TestApp, TestClock } from '../support/test-app';

/** Password guessing is slowed: five passwords checked per email in 15 minutes, however the guesses arrive. */
describe('sign-in throttling', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    // Each request below may then come from an address of its own (X-Forwarded-For), as behind a reverse proxy.
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  it('refuses the sixth try after five wrong passwords, even the right one, until 15 minutes have passed', async () => {
    const org = await t.createOrganization();
    const email = org.email('organizer');
    for (let i = 0; i < 5; i++) {
      expect((await login(email, `wrong-${i}`)).body.code).toBe('INVALID_CREDENTIALS');
    }
    const refused = await login(email, org.password).expect(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_LOGIN_ATTEMPTS', message: expect.stringContaining('15 นาที') });
    expect(refused.headers['set-cookie']).toBeUndefined();
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
      [email],
    );
    expect(count).toBe(0);
    // Another account is not affected.
    await login(org.email('manager'), org.password).expect(200);

    clock.advance(15 * 60_000 + 1000);
    await login(email, org.password).expect(200);
  });

  it('forgets earlier mistakes after a successful sign-in, and stores no email', async () => {
    const org = await t.createOrganization();
    const email = org.email('admin');
    for (let i = 0; i < 4; i++) await login(email, 'wrong').expect(401);
    await login(email, org.password).expect(200);
    for (let i = 0; i < 4; i++) await login(email, 'wrong').expect(401);
    const rows: { key: string }[] = await t.db.query(`SELECT key FROM throttle_buckets`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@|127\.0\.0\.1/);
    await login(email, org.password).expect(200);
  });

  /** Statuses of requests sent all at once: 401 means the password was checked and wrong, 429 refused unchecked. */
  const together = (email: string, passwords: string[], address = (_i: number) => '203.0.113.7') =>
    Promise.all(
      passwords.map((password, i) =>
        t.http().post('/api/auth/login').set('X-Forwarded-For', address(i)).send({ email, password }).then((r) => r.status),
      ),
    );
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

  it('checks only five of 200 wrong passwords sent at once for one email', async () => {
    const org = await t.createOrganization();
    const statuses = await together(org.email('organizer'), Array.from({ length: 200 }, (_, i) => `wrong-${i}`));
    expect(tally(statuses)).toEqual({ 401: 5, 429: 195 });
  });

  it('after four failures, checks one password of 30 sent at once, even when the right one is among them', async () => {
    const org = await t.createOrganization();
    const email = org.email('manager');
    for (let i = 0; i < 4; i++) await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.8').send({ email, password: 'wrong' }).expect(401);
    const passwords = Array.from({ length: 30 }, (_, i) => (i === 17 ? org.password : `wrong-${i}`));
    const statuses = await together(email, passwords, () => '203.0.113.8');
    const checked = statuses.filter((s) => s !== 429);
    expect(checked).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(29);
    // Whichever was checked decided it; if it was the right password the person is in, else they wait.
    expect([200, 401]).toContain(checked[0]);
  });

  it('counts an email\'s guesses from every address together', async () => {
    const org = await t.createOrganization();
    const statuses = await together(org.email('admin'), Array.from({ length: 40 }, (_, i) => `wrong-${i}`), (i) => `198.51.100.${i + 1}`);
    expect(tally(statuses)).toEqual({ 401: 5, 429: 35 });
    // Someone else's account is not affected.
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);
  });

  it('counts guesses at an unknown email the same way, so the answers do not tell which emails exist', async () => {
    const statuses = await together('nobody-here@test.example', Array.from({ length: 12 }, (_, i) => `wrong-${i}`));
    expect(tally(statuses)).toEqual({ 401: 5, 429: 7 });
  });

  it('forgets windows that have ended in its sweep, and counts afresh after them', async () => {
    const org = await t.createOrganization();
    const email = org.email('organizer');
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/login').send({ email, password: 'wrong' }).expect(401);
    const before: { count: number }[] = await t.db.query(`SELECT count(*)::int AS count FROM throttle_buckets`);
    clock.advance(15 * 60_000 + 1000);
    expect(await t.app.get(ThrottleService).sweep()).toBeGreaterThanOrEqual(2);
    const after: { count: number }[] = await t.db.query(`SELECT count(*)::int AS count FROM throttle_buckets`);
    expect(after[0].count).toBeLessThan(before[0].count);
    for (let i = 0; i < 5; i++) await t.http().post('/api/auth/login').send({ email, password: 'wrong' }).expect(401);
    await t.http().post('/api/auth/login').send({ email, password: 'wrong' }).expect(429);
  });
});
