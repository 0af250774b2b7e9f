import request from 'supertest';
import { sessionRequest, startTestApp, TestApp } from '../support/test-app';

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

describe('accounts and access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in with an httpOnly cookie, knows the user, and forgets them on logout', async () => {
    const org = await t.createOrganization();
    const agent = t.http();
    const login = await agent.post('/api/auth/login').send({ email: org.email('organizer'), password: org.password }).expect(200);
    expect(login.body).toMatchObject({ role: 'organizer', organization: { id: org.id, name: org.name } });
    expect(String(login.headers['set-cookie'])).toMatch(/sj_session=[^;]+;.*HttpOnly/);
    // No password nor its hash; the one password field is the flag mustChangePassword.
    expect(JSON.stringify(login.body)).not.toMatch(/argon2|passwordHash/i);
    expect(JSON.stringify(login.body)).not.toContain(org.password);
    expect(login.body.mustChangePassword).toBe(false);

    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    const after = await agent.get('/api/auth/me').expect(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password or an unknown email with the same Thai message', async () => {
    const org = await t.createOrganization();
    const wrong = await t.http().post('/api/auth/login').send({ email: org.email('manager'), password: 'nope' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@test.example', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('stores passwords as argon2id with at least 19 MiB, 2 passes and 1 lane', async () => {
    const org = await t.createOrganization();
    const [{ password_hash }] = await t.db.query(`SELECT password_hash FROM users WHERE email = $1`, [org.email('admin')]);
    const match = /^\$argon2id\$v=19\$([^$]+)\$/.exec(password_hash);
    const params = Object.fromEntries((match?.[1] ?? '').split(',').map((kv) => kv.split('=')));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    expect(Number(params.p)).toBe(1);
  });

  it('refuses every non-public route in the OpenAPI document without a login', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(14);
    const isPublic = (path: string) =>
      path.startsWith('/api/join/') ||
      path.startsWith('/api/account-links/') ||
      path === '/api/auth/login' ||
      path === '/api/auth/logout' ||
      // The first-run set-up: nobody can sign in before it; it works once, on an empty database.
      path === '/api/setup';
    const guarded = routes.filter((r) => !isPublic(r.path));
    expect(guarded.length).toBeGreaterThanOrEqual(8);
    for (const { path, method } of guarded) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000').replace(/\{kind\}/, 'pre_test');
      const response = await request(t.app.getHttpServer())[method as 'get'](url).send({});
      expect({ route: `${method} ${path}`, status: response.status, code: response.body.code }).toEqual({
        route: `${method} ${path}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('documents every route with its request and response schemas', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const createSession = doc.paths['/api/sessions'].post;
    expect(createSession.requestBody.content['application/json'].schema).toBeDefined();
    expect(createSession.responses['201'].content['application/json'].schema).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/programs', '/api/indicators', '/api/join/{code}']),
    );
  });

  it('lets only organizers and admins create sessions or open tests', async () => {
    const org = await t.createOrganization();
    const manager = await org.login('manager');
    const programs = await manager.get('/api/programs').expect(200);
    const denied = await manager
      .post('/api/sessions')
      .send(sessionRequest(programs.body.programs[0].id))
      .expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM training_sessions WHERE organization_id = $1`, [org.id]);
    expect(count).toBe(0);
  });
});
