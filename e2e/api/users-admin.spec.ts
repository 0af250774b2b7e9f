import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp, TestClock } from '../support/test-app';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The secret of a one-time link: what follows `#` in the link the admin is shown. */
const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);

interface CreatedUser {
  user: { id: string; email: string; role: string; status: string; unit: string | null };
  link: { purpose: string; url: string; expiresAt: string; mailed: boolean };
}

/** An admin's users page, a new colleague's first visit through their link, and the rules that keep an organization run. */
describe('accounts managed by an admin', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    // Requests may then come from addresses of their own (X-Forwarded-For), as behind a reverse proxy.
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  let n = 0;
  const newEmail = () => `colleague-${Date.now()}-${++n}@test.example`;
  const strongPassword = () => `ลานวัดพร่อน-${Math.random().toString(36).slice(2, 10)}`;

  async function createUser(admin: TestAgent, role = 'organizer', email = newEmail()): Promise<CreatedUser> {
    const response = await admin.post('/api/users').send({ displayName: 'สมศรี ตั้งใจ', email, role, unit: 'สำนักปลัด' }).expect(201);
    return response.body as CreatedUser;
  }

  /** The invited person opens the link in their own browser and sets a password: they are signed in there. */
  async function acceptLink(url: string, password = strongPassword()) {
    const browser = t.http();
    const response = await browser.post('/api/account-links/redeem').send({ token: tokenOf(url), password });
    return { browser, response, password };
  }

  /** A colleague who has set their password and is signed in. */
  async function activeUser(admin: TestAgent, role = 'organizer') {
    const created = await createUser(admin, role);
    const { browser, response, password } = await acceptLink(created.link.url);
    expect(response.status).toBe(200);
    return { ...created.user, browser, password };
  }

  it('lets only admins see or manage accounts', async () => {
    const org = await t.createOrganization();
    for (const role of ['organizer', 'manager'] as const) {
      const agent = await org.login(role);
      expect((await agent.get('/api/users').expect(403)).body.code).toBe('FORBIDDEN');
      await agent.post('/api/users').send({ displayName: 'ผู้แอบเพิ่ม', email: newEmail(), role: 'admin', unit: null }).expect(403);
      const [{ admins }] = await t.db.query(`SELECT count(*)::int AS admins FROM users WHERE organization_id = $1 AND role = 'admin'`, [org.id]);
      expect(admins).toBe(1);
    }
  });

  it('creates an organizer with a one-time invitation link, kept only as a hash and shown this once', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const created = await createUser(admin, 'organizer');
    expect(created.user).toMatchObject({ role: 'organizer', status: 'invited', unit: 'สำนักปลัด' });
    expect(created.link).toMatchObject({ purpose: 'invite', mailed: false });
    // No PUBLIC_URL here: a path the web app completes with its own address.
    expect(created.link.url).toMatch(/^\/set-password#[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.link.url);
    // 32 random bytes: 256 bits.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Invitations last 7 days.
    expect(new Date(created.link.expiresAt).getTime() - clock.now().getTime()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);

    const rows: Record<string, unknown>[] = await t.db.query(`SELECT * FROM account_tokens WHERE user_id = $1`, [created.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // The list never shows the link again.
    const list = await admin.get('/api/users').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.users.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([org.email('admin'), org.email('organizer'), org.email('manager'), created.user.email]),
    );

    // An invited user has no password yet: nothing signs them in.
    await t.http().post('/api/auth/login').send({ email: created.user.email, password: 'ลองเดารหัสผ่านดู-123' }).expect(401);

    const info = await t.http().post('/api/account-links/inspect').send({ token }).expect(200);
    expect(info.body).toEqual({
      purpose: 'invite',
      email: created.user.email,
      displayName: 'สมศรี ตั้งใจ',
      organizationName: org.name,
      expiresAt: created.link.expiresAt,
    });
    const { browser, response, password } = await acceptLink(created.link.url);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: created.user.email, role: 'organizer', mustChangePassword: false });
    const programs = await browser.get('/api/programs').expect(200);
    expect(programs.body.programs).toHaveLength(4);
    await t.http().post('/api/auth/login').send({ email: created.user.email, password }).expect(200);
    const after = await admin.get('/api/users').expect(200);
    expect(after.body.users.find((u: { id: string }) => u.id === created.user.id).status).toBe('active');

    // Single use.
    const again = await acceptLink(created.link.url);
    expect(again.response.status).toBe(410);
    expect(again.response.body.code).toBe('ACCOUNT_LINK_USED');
  });

  it('refuses an email that already has an account and a role that does not exist, creating nothing', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const admin = await org.login('admin');
    const taken = await admin
      .post('/api/users')
      .send({ displayName: 'ซ้ำ', email: other.email('manager').toUpperCase(), role: 'manager', unit: null })
      .expect(409);
    expect(taken.body).toEqual({ code: 'EMAIL_TAKEN', message: expect.stringMatching(/[ก-๙]/) });
    const bad = await admin.post('/api/users').send({ displayName: 'ผิดบทบาท', email: newEmail(), role: 'root', unit: null }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM users WHERE organization_id = $1`, [org.id]);
    expect(count).toBe(3);
  });

  it("never shows or touches another organization's users", async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization();
    const adminA = await orgA.login('admin');
    const adminB = await orgB.login('admin');
    const [{ id: organizerA }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [orgA.email('organizer')]);

    const listB = await adminB.get('/api/users').expect(200);
    expect(listB.body.users.map((u: { email: string }) => u.email).sort()).toEqual(
      [orgB.email('admin'), orgB.email('manager'), orgB.email('organizer')].sort(),
    );
    for (const attempt of [
      adminB.patch(`/api/users/${organizerA}`).send({ role: 'admin' }),
      adminB.post(`/api/users/${organizerA}/deactivate`),
      adminB.post(`/api/users/${organizerA}/reactivate`),
      adminB.post(`/api/users/${organizerA}/password-link`),
    ]) {
      const response = await attempt;
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'USER_NOT_FOUND' });
    }
    const [row] = await t.db.query(`SELECT role, deactivated_at FROM users WHERE id = $1`, [organizerA]);
    expect(row).toEqual({ role: 'organizer', deactivated_at: null });
    expect(await t.db.query(`SELECT 1 FROM account_tokens WHERE user_id = $1`, [organizerA])).toEqual([]);
    // The organization comes from the sign-in, never from the body.
    await adminB.post('/api/users').send({ displayName: 'แอบใส่', email: newEmail(), role: 'organizer', unit: null, organizationId: orgA.id }).expect(400);
    await adminA.get('/api/users').expect(200);
  });

  it('changes a role, which the user feels at their next request', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const organizer = await org.login('organizer');
    await organizer.get('/api/people').expect(200);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('organizer')]);
    const changed = await admin.patch(`/api/users/${id}`).send({ role: 'manager', unit: 'กองคลัง' }).expect(200);
    expect(changed.body).toMatchObject({ role: 'manager', unit: 'กองคลัง', status: 'active' });
    expect((await organizer.get('/api/people').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await organizer.get('/api/auth/me').expect(200)).body.role).toBe('manager');
    await admin.patch(`/api/users/${id}`).send({}).expect(400);
  });

  it("keeps an organization's last active admin: no demoting it, no deactivating oneself", async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('admin')]);

    const demote = await admin.patch(`/api/users/${adminId}`).send({ role: 'organizer' }).expect(409);
    expect(demote.body).toEqual({ code: 'LAST_ADMIN', message: expect.stringMatching(/ผู้ดูแลระบบ/) });
    const self = await admin.post(`/api/users/${adminId}/deactivate`).expect(409);
    expect(self.body.code).toBe('CANNOT_DEACTIVATE_SELF');

    // An invited admin who has not set a password yet cannot sign in, so does not count.
    const invited = await createUser(admin, 'admin');
    expect((await admin.patch(`/api/users/${adminId}`).send({ role: 'organizer' })).body.code).toBe('LAST_ADMIN');
    await acceptLink(invited.link.url);
    // With a second active admin, one may step down.
    await admin.patch(`/api/users/${adminId}`).send({ role: 'manager' }).expect(200);
    expect((await admin.get('/api/users').expect(403)).body.code).toBe('FORBIDDEN');
    const [{ admins }] = await t.db.query(
      `SELECT count(*)::int AS admins FROM users WHERE organization_id = $1 AND role = 'admin' AND deactivated_at IS NULL`,
      [org.id],
    );
    expect(admins).toBe(1);
  });

  it('lets only one of two admins who demote each other at the same moment succeed', async () => {
    const org = await t.createOrganization();
    const first = await org.login('admin');
    const second = await activeUser(first, 'admin');
    const [{ id: firstId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('admin')]);
    const statuses = await Promise.all([
      first.patch(`/api/users/${second.id}`).send({ role: 'organizer' }),
      second.browser.patch(`/api/users/${firstId}`).send({ role: 'organizer' }),
    ]);
    // The other is refused: 409 when both got past the guard as admins, 403 when its sign-in was checked only
    // after the first demotion had been written (it was no longer an admin by then).
    const [succeeded, refused] = statuses.map((r) => r.status).sort();
    expect(succeeded).toBe(200);
    expect([403, 409]).toContain(refused);
    const [{ admins }] = await t.db.query(`SELECT count(*)::int AS admins FROM users WHERE organization_id = $1 AND role = 'admin'`, [org.id]);
    expect(admins).toBe(1);
  });

  it('deactivation ends the sessions at once and stops sign-in; reactivation gives the account back', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const phone = await org.login('organizer');
    const laptop = await org.login('organizer');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('organizer')]);
    const link = (await admin.post(`/api/users/${id}/password-link`).expect(201)).body.link;

    const deactivated = await admin.post(`/api/users/${id}/deactivate`).expect(200);
    expect(deactivated.body.status).toBe('deactivated');
    for (const browser of [phone, laptop]) {
      expect((await browser.get('/api/programs').expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
    const [{ sessions }] = await t.db.query(`SELECT count(*)::int AS sessions FROM auth_sessions WHERE user_id = $1`, [id]);
    expect(sessions).toBe(0);
    const refused = await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(403);
    expect(refused.body).toEqual({ code: 'ACCOUNT_DEACTIVATED', message: expect.stringMatching(/ปิดใช้งาน/) });
    // A wrong password says nothing about the account.
    expect((await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: 'not-the-password' })).body.code).toBe(
      'INVALID_CREDENTIALS',
    );
    // The reset link out before is dead, and no new one is issued for a deactivated account.
    expect((await acceptLink(link.url)).response.body.code).toBe('ACCOUNT_LINK_INVALID');
    expect((await admin.post(`/api/users/${id}/password-link`).expect(409)).body.code).toBe('USER_DEACTIVATED');

    const reactivated = await admin.post(`/api/users/${id}/reactivate`).expect(200);
    expect(reactivated.body.status).toBe('active');
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);
  });

  it('expires links: an invitation after 7 days, a reset after 1 hour', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const invited = await createUser(admin);
    const [{ id: organizerId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [org.email('organizer')]);
    const reset = (await admin.post(`/api/users/${organizerId}/password-link`).expect(201)).body as CreatedUser;
    expect(reset.link.purpose).toBe('reset');

    clock.advanceMinutes(59);
    await t.http().post('/api/account-links/inspect').send({ token: tokenOf(reset.link.url) }).expect(200);
    clock.advanceMinutes(2);
    const expired = await acceptLink(reset.link.url);
    expect({ status: expired.response.status, code: expired.response.body.code }).toEqual({ status: 410, code: 'ACCOUNT_LINK_EXPIRED' });
    await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);

    clock.advanceMinutes(6 * 24 * 60);
    await t.http().post('/api/account-links/inspect').send({ token: tokenOf(invited.link.url) }).expect(200);
    clock.advanceMinutes(24 * 60);
    expect((await acceptLink(invited.link.url)).response.body.code).toBe('ACCOUNT_LINK_EXPIRED');
    // A new invitation for the same user works (the admin signs in again: a session lasts 12 hours).
    const again = (await (await org.login('admin')).post(`/api/users/${invited.user.id}/password-link`).expect(201)).body as CreatedUser;
    expect(again.link.purpose).toBe('invite');
    expect((await acceptLink(again.link.url)).response.status).toBe(200);
  });

  it('uses a link once even when it is sent five times at once', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const created = await createUser(admin);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.http().post('/api/account-links/redeem').send({ token: tokenOf(created.link.url), password: `รหัสผ่านที่ ${i} ของฉันเอง` }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410, 410, 410, 410]);
    const winner = attempts.findIndex((r) => r.status === 200);
    await t.http().post('/api/auth/login').send({ email: created.user.email, password: `รหัสผ่านที่ ${winner} ของฉันเอง` }).expect(200);
    const [{ sessions }] = await t.db.query(`SELECT count(*)::int AS sessions FROM auth_sessions WHERE user_id = $1`, [created.user.id]);
    expect(sessions).toBe(2);
  });

  it('checks the new password before spending the link: 11 characters or a common password leave it usable', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const created = await createUser(admin);
    const token = tokenOf(created.link.url);
    const short = await t.http().post('/api/account-links/redeem').send({ token, password: 'abcdefghijk' }).expect(400);
    expect(short.body.message).toContain('12');
    const common = await t.http().post('/api/account-links/redeem').send({ token, password: 'qwerty123456' }).expect(400);
    expect(common.body.code).toBe('PASSWORD_TOO_COMMON');
    const email = await t.http().post('/api/account-links/redeem').send({ token, password: created.user.email }).expect(400);
    expect(email.body.code).toBe('PASSWORD_TOO_COMMON');
    expect((await acceptLink(created.link.url)).response.status).toBe(200);
  });

  it('a reset link replaces the one before, signs out every browser of the user, and lifts the sign-in limit', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const email = org.email('manager');
    const oldBrowser = await org.login('manager');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [email]);
    const first = (await admin.post(`/api/users/${id}/password-link`).expect(201)).body as CreatedUser;

    // Someone elsewhere guesses until the email is locked; the real user is refused too.
    for (let i = 0; i < 5; i++) {
      await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.9').send({ email, password: `guess-${i}` }).expect(401);
    }
    const locked = await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.20').send({ email, password: org.password });
    expect(locked.status).toBe(429);

    const second = (await admin.post(`/api/users/${id}/password-link`).expect(201)).body as CreatedUser;
    expect((await acceptLink(first.link.url)).response.body.code).toBe('ACCOUNT_LINK_INVALID');
    const { response, password } = await acceptLink(second.link.url);
    expect(response.status).toBe(200);
    expect((await oldBrowser.get('/api/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.20').send({ email, password: org.password }).expect(401);
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.20').send({ email, password }).expect(200);
  });
});
