import { startTestApp, TestApp } from '../support/test-app';

const HOST = 'sujarit.test:3000';

/**
 * Headers on every answer, JSON-only writes, and writes from another site's pages refused. The built web
 * app's own pages (and their headers, under a real browser's CSP) are checked in e2e/browser/security.spec.ts.
 */
describe('HTTP security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const thai = /[ก-๙]/;

  it.each([
    ['an API answer', '/api/programs', 401],
    ['an unknown API route', '/api/no-such-route', 404],
    ['the OpenAPI document', '/api/docs-json', 200],
  ])('puts the security headers on %s, and no X-Powered-By', async (_what, path, status) => {
    const response = await t.http().get(path).expect(status);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
    // Served over plain HTTP (no COOKIE_SECURE): HSTS would lock phones on the LAN address out.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it("lets only the OpenAPI page (Swagger UI) use inline styles; its scripts stay the server's own", async () => {
    const csp = (await t.http().get('/api/docs').expect(200)).headers['content-security-policy'];
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses a form, text or a file sent to a JSON route with 415, in Thai, before it is read', async () => {
    const org = await t.createOrganization();
    const form = await t.http().post('/api/auth/login').type('form').send({ email: org.email('organizer'), password: org.password }).expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(form.body.message).toMatch(thai);
    const text = await t.http().post('/api/auth/login').set('Content-Type', 'text/plain').send(`{"email":"${org.email('organizer')}"}`).expect(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const organizer = await org.login('organizer');
    const file = await organizer.post('/api/sessions').attach('file', Buffer.from('x'), 'x.csv').expect(415);
    expect(file.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // A command without a body (sign-out) needs no content type, and a file still goes to a file import.
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string }[];
    await organizer.post(`/api/programs/${programs[0].id}/questions/import/gift/preview`).attach('file', Buffer.from('ข้อ {T}'), 'q.gift').expect(200);
    await organizer.post('/api/auth/logout').expect(204);
  });

  it("refuses a write from another site's page with 403 and changes nothing; the app's own pages and other clients pass", async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string }[];
    const body = { programId: programs[0].id, title: 'รุ่นจากเว็บอื่น', startsAt: '2030-01-10T09:00:00+07:00', endsAt: '2030-01-10T12:00:00+07:00', venue: 'ห้องประชุม', capacity: 10 };

    const crossSite = await organizer.post('/api/sessions').set('Host', HOST).set('Origin', 'https://evil.example').send(body).expect(403);
    expect(crossSite.body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(crossSite.body.message).toMatch(thai);
    await organizer.post('/api/sessions').set('Host', HOST).set('Origin', 'null').send(body).expect(403);
    await organizer.post('/api/sessions').set('Host', HOST).set('Origin', `http://other.${HOST}`).send(body).expect(403);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM training_sessions WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(0);

    // Reading from another site is the browser's business (no CORS headers are sent), not a write.
    await organizer.get('/api/programs').set('Host', HOST).set('Origin', 'https://evil.example').expect(200);
    // The app's own page, on the address it was opened at; and a client that sends no Origin.
    await organizer.post('/api/sessions').set('Host', HOST).set('Origin', `http://${HOST}`).send(body).expect(201);
    await organizer.post('/api/sessions').send(body).expect(201);
  });

  it('takes writes from the PUBLIC_URL the phones use, as well as from the address the organizer opened', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const previous = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = 'https://sujarit.example.go.th/';
    try {
      await organizer.post('/api/auth/logout').set('Host', '127.0.0.1:3000').set('Origin', 'https://sujarit.example.go.th').expect(204);
      await (await org.login('organizer')).post('/api/auth/logout').set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000').expect(204);
      const other = await (await org.login('organizer')).post('/api/auth/logout').set('Host', 'localhost:3000').set('Origin', 'http://sujarit.example.go.th').expect(403);
      expect(other.body.code).toBe('ORIGIN_NOT_ALLOWED');
    } finally {
      if (previous === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = previous;
    }
  });
});

describe('HTTP security over HTTPS (COOKIE_SECURE=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.COOKIE_SECURE = 'true';
    t = await startTestApp();
  });
  afterAll(async () => {
    delete process.env.COOKIE_SECURE;
    await t.close();
  });

  it('asks browsers to keep to HTTPS (HSTS) and to upgrade any plain-HTTP request', async () => {
    const response = await t.http().get('/api/auth/me').expect(401);
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
