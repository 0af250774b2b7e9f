import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, ROLES as ROLES_METADATA } from '@sujarit/api/auth/auth.decorators';
import { ROLES, type Role } from '@sujarit/contracts';
import request from 'supertest';
import { rowsDigest } from '../support/rows-digest';
import { sessionRequest, startTestApp, TestApp } from '../support/test-app';

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

interface DecoratedRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As the OpenAPI document writes it: `/api/sessions/{id}`. */
  path: string;
  isPublic: boolean;
  roles: Role[];
  beforePasswordChange: boolean;
}

/** Every route of every controller as its decorators declare it (the guard reads the same metadata). */
function decoratedRoutes(app: INestApplication): DecoratedRoute[] {
  const routes: DecoratedRoute[] = [];
  const pathOf = (...parts: string[]) =>
    `/${['api', ...parts].flatMap((part) => part.split('/')).filter(Boolean).join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        // As the guard reads it: the handler's own, else its controller's.
        const declared = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase() as DecoratedRoute['method'],
          path: pathOf(Reflect.getMetadata(PATH_METADATA, controller) as string, path),
          isPublic: declared<boolean>(IS_PUBLIC) === true,
          roles: declared<Role[]>(ROLES_METADATA) ?? [],
          beforePasswordChange: declared<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE) === true,
        });
      }
    }
  }
  return routes;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const routeName = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

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
    // The suite hashes with test-only light settings (jest.api.config.js); this test makes its accounts without them.
    const org = await withEnv({ SUJARIT_TEST_FAST_HASH: undefined }, () => t.createOrganization());
    const params = await hashParameters(org.email('admin'));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    expect(Number(params.p)).toBe(1);
  });

  it('never hashes with the test-only light settings outside NODE_ENV=test, and verifies hashes made either way', async () => {
    const production = await withEnv({ NODE_ENV: 'production', SUJARIT_TEST_FAST_HASH: '1' }, () => t.createOrganization());
    const params = await hashParameters(production.email('admin'));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    const light = await withEnv({ SUJARIT_TEST_FAST_HASH: '1' }, () => t.createOrganization());
    expect(Number((await hashParameters(light.email('admin'))).m)).toBeLessThan(19456);
    await production.login('admin');
    await light.login('admin');
  });

  /** The m, t and p an account's stored argon2id hash was made with (argon2 writes them into the hash). */
  async function hashParameters(email: string): Promise<Record<string, string>> {
    const [{ password_hash }] = await t.db.query(`SELECT password_hash FROM users WHERE email = $1`, [email]);
    const match = /^\$argon2id\$v=19\$([^$]+)\$/.exec(password_hash);
    return Object.fromEntries((match?.[1] ?? '').split(',').map((kv) => kv.split('=')));
  }

  it('refuses every non-public route in the OpenAPI document without a login', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(14);
    const isPublic = (path: string) =>
      path.startsWith('/api/join/') ||
      path.startsWith('/api/account-links/') ||
      // Anyone holding a certificate checks its code (the QR code printed on it).
      path.startsWith('/api/certificates/verify/') ||
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

  it('has the decorators say who may call every route, and the OpenAPI document say the same', async () => {
    const routes = decoratedRoutes(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(80);
    // A route that says neither is refused to everyone by the fail-closed guard: a mistake, not a protection.
    expect(routes.filter((r) => !r.isPublic && r.roles.length === 0).map(routeName)).toEqual([]);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.security ? 'signed in' : 'public'}`),
    );
    expect(routes.map((r) => `${routeName(r)} ${r.isPublic ? 'public' : 'signed in'}`).sort()).toEqual(documented.sort());
    // A new public route is a decision: it is added here.
    expect(routes.filter((r) => r.isPublic).map(routeName).sort()).toEqual([
      'GET /api/certificates/verify/{code}',
      'GET /api/join/{code}',
      'GET /api/join/{code}/attempts/{attemptId}/review',
      'GET /api/setup',
      'POST /api/account-links/inspect',
      'POST /api/account-links/redeem',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/join/{code}',
      'POST /api/join/{code}/assessments/{assessmentId}/attempt',
      'POST /api/join/{code}/attempts/{attemptId}/submit',
      'POST /api/setup',
      'PUT /api/join/{code}/attempts/{attemptId}/answers/{questionId}',
    ]);
  });

  it('refuses every role a route does not name with 403 FORBIDDEN in Thai, and changes nothing', async () => {
    const org = await t.createOrganization();
    const agents = { admin: await org.login('admin'), organizer: await org.login('organizer'), manager: await org.login('manager') };
    const before = await rowsDigest(t.db, [org.id]);
    const answers: string[] = [];
    for (const route of decoratedRoutes(t.app).filter((r) => !r.isPublic)) {
      for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
        const response = await agents[role][route.method](route.path.replace(/\{[^}]+\}/g, NIL_UUID)).send({});
        answers.push(`${routeName(route)} as ${role}: ${response.status} ${response.body.code} ${/[ก-๙]/.test(response.body.message) ? 'Thai' : 'not Thai'}`);
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(40);
    expect(answers.filter((a) => !a.endsWith(': 403 FORBIDDEN Thai'))).toEqual([]);
    expect(await rowsDigest(t.db, [org.id])).toEqual(before);
  });

  it('lets every role a route names past the guard', async () => {
    const org = await t.createOrganization();
    const agents = { admin: await org.login('admin'), organizer: await org.login('organizer'), manager: await org.login('manager') };
    // Ids that are no UUIDs and a body with an unknown field: past the guard, the request stops at validation.
    // Signing out everywhere ends the agents' sessions, so it goes last.
    const routes = decoratedRoutes(t.app)
      .filter((r) => !r.isPublic)
      .sort((a, b) => Number(a.path.endsWith('/sign-out-everywhere')) - Number(b.path.endsWith('/sign-out-everywhere')));
    const refused: string[] = [];
    for (const route of routes) {
      for (const role of route.roles) {
        const response = await agents[role][route.method](route.path.replace(/\{[^}]+\}/g, 'not-a-uuid')).send({ probe: 1 });
        if (response.status === 401 || response.status === 403) refused.push(`${routeName(route)} as ${role}: ${response.status} ${response.body.code}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('asks a user who must choose a new password to do so first, on every route but the three that let them', async () => {
    const org = await t.createOrganization(undefined, { mustChangePassword: true });
    const admin = await org.login('admin');
    const routes = decoratedRoutes(t.app).filter((r) => !r.isPublic);
    expect(routes.filter((r) => r.beforePasswordChange).map(routeName).sort()).toEqual([
      'GET /api/auth/me',
      'POST /api/account/password',
      'POST /api/account/sign-out-everywhere',
    ]);
    const answers: string[] = [];
    for (const route of routes.filter((r) => !r.beforePasswordChange)) {
      const response = await admin[route.method](route.path.replace(/\{[^}]+\}/g, NIL_UUID)).send({});
      answers.push(`${routeName(route)}: ${response.status} ${response.body.code}`);
    }
    expect(answers.filter((a) => !a.endsWith(': 403 PASSWORD_CHANGE_REQUIRED'))).toEqual([]);
  });
});

/** Runs `work` with some environment variables set (or unset), then puts them back. */
async function withEnv<T>(changes: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(changes).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(changes);
  try {
    return await work();
  } finally {
    apply(before);
  }
}
