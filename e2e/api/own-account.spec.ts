import { startTestApp, TestApp } from '../support/test-app';

/** Every user's own account: their password and the browsers they are signed in on. */
describe('own account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const newPassword = () => `ห้องประชุมสภา-${Math.random().toString(36).slice(2, 10)}`;

  it('changes the password only with the current one, and signs out the other browsers but not this one', async () => {
    const org = await t.createOrganization();
    const here = await org.login('organizer');
    const elsewhere = await org.login('organizer');
    const password = newPassword();

    const wrong = await here.post('/api/account/password').send({ currentPassword: 'not-my-password', newPassword: password }).expect(400);
    expect(wrong.body).toEqual({ code: 'CURRENT_PASSWORD_INCORRECT', message: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password }).expect(401);

    await here.post('/api/account/password').send({ currentPassword: org.password, newPassword: password }).expect(204);
    await here.get('/api/programs').expect(200);
    expect((await elsewhere.get('/api/programs').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(401);
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password }).expect(200);
    const [{ password_changed_at }] = await t.db.query(`SELECT password_changed_at FROM users WHERE email = $1`, [org.email('organizer')]);
    expect(password_changed_at).toBeInstanceOf(Date);
  });

  it('refuses a password of 11 characters, a common one, the email, and the current one, keeping the old password', async () => {
    const org = await t.createOrganization();
    const agent = await org.login('manager');
    const change = (password: string) => agent.post('/api/account/password').send({ currentPassword: org.password, newPassword: password });

    const short = await change('abcdefghijk').expect(400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('อย่างน้อย 12 ตัวอักษร') });
    await change('abcdefghijkl').expect(204);
    await agent.post('/api/account/password').send({ currentPassword: 'abcdefghijkl', newPassword: org.password }).expect(204);

    for (const common of ['1q2w3e4r5t6y', 'QWERTY123456', 'demo-organizer-2569']) {
      const refused = await change(common).expect(400);
      expect(refused.body).toEqual({ code: 'PASSWORD_TOO_COMMON', message: expect.stringMatching(/คาดเดาได้ง่าย/) });
    }
    expect((await change(org.email('manager')).expect(400)).body.code).toBe('PASSWORD_TOO_COMMON');
    expect((await change(org.password).expect(400)).body.code).toBe('PASSWORD_UNCHANGED');
    await t.http().post('/api/auth/login').send({ email: org.email('manager'), password: org.password }).expect(200);
  });

  it('counts wrong current passwords as sign-in tries: the sixth is refused unchecked', async () => {
    const org = await t.createOrganization();
    const agent = await org.login('organizer');
    for (let i = 0; i < 5; i++) {
      await agent.post('/api/account/password').send({ currentPassword: `guess-${i}`, newPassword: newPassword() }).expect(400);
    }
    const refused = await agent.post('/api/account/password').send({ currentPassword: org.password, newPassword: newPassword() }).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('signs out of every browser, this one included', async () => {
    const org = await t.createOrganization();
    const here = await org.login('admin');
    const phone = await org.login('admin');
    const other = await org.login('manager');
    const response = await here.post('/api/account/sign-out-everywhere').expect(204);
    expect(String(response.headers['set-cookie'])).toMatch(/sj_session=;/);
    for (const agent of [here, phone]) {
      expect((await agent.get('/api/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
    // Only this user's browsers.
    await other.get('/api/auth/me').expect(200);
    await t.http().post('/api/auth/login').send({ email: org.email('admin'), password: org.password }).expect(200);
  });

  it('lets a user who must choose a new password do nothing else until they have', async () => {
    const org = await t.createOrganization(undefined, { mustChangePassword: true });
    const agent = t.http();
    const login = await agent.post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);
    expect(login.body.mustChangePassword).toBe(true);
    expect((await agent.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(true);

    const programs = await agent.get('/api/programs').expect(403);
    expect(programs.body).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringMatching(/รหัสผ่านใหม่/) });
    expect((await agent.get('/api/indicators').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await agent.post('/api/people').send({ fullName: 'ทดลอง คนหนึ่ง', group: 'staff' }).expect(403)).body.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    const [{ people }] = await t.db.query(`SELECT count(*)::int AS people FROM people WHERE organization_id = $1`, [org.id]);
    expect(people).toBe(0);
    // Keeping the same password does not count as choosing a new one.
    expect((await agent.post('/api/account/password').send({ currentPassword: org.password, newPassword: org.password }).expect(400)).body.code).toBe(
      'PASSWORD_UNCHANGED',
    );

    await agent.post('/api/account/password').send({ currentPassword: org.password, newPassword: newPassword() }).expect(204);
    expect((await agent.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(false);
    await agent.get('/api/programs').expect(200);

    // Signing out everywhere is allowed before the change too.
    const manager = await t.http().post('/api/auth/login').send({ email: org.email('manager'), password: org.password }).expect(200);
    const cookie = String(manager.headers['set-cookie']).split(';')[0];
    await t.http().post('/api/account/sign-out-everywhere').set('Cookie', cookie).expect(204);
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });
});
