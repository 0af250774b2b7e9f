import { startTestApp, TestApp, TestClock } from '../support/test-app';

/** Password guessing is slowed: five wrong passwords for one email from one address, then a 15-minute wait. */
describe('sign-in throttling', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
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
    await login(email, org.password).expect(200);
    const rows: { attempt_key: string }[] = await t.db.query(`SELECT attempt_key FROM login_failures`);
    expect(JSON.stringify(rows)).not.toContain('@');
  });
});
