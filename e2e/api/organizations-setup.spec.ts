import { spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { createSiblingDatabase, TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const PLAN_TEMPLATE = 'pron-integrity-plan-2566-2570';

const setupBody = (overrides: Record<string, unknown> = {}) => ({
  organization: { name: 'องค์การบริหารส่วนตำบลบางขุนทอง', shortName: 'อบต.บางขุนทอง', province: 'นราธิวาส' },
  admin: { displayName: 'นางสาวสมใจ ตั้งมั่น', email: 'somjai@bangkhunthong.example', password: 'ระบบสุจริตของบางขุนทอง' },
  templateId: PLAN_TEMPLATE,
  ...overrides,
});

/** `npm run org:create -- …` as the operator runs it, from the current sources. */
function orgCreate(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'e2e/support/register-ts.js'), join(ROOT, 'apps/api/src/org-create.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a new deployment: the first-run set-up and the operator command', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    // A database of its own: the set-up needs one with no organization at all.
    db = await createSiblingDatabase('sujarit_setup');
    // A real server without the demo: no organization at all, so the set-up is offered.
    process.env.SUJARIT_DEMO = '0';
    t = await startTestApp({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await t?.close();
    await db?.dispose();
  });

  it('offers the set-up once: the first organization and its admin, who is signed in and finds the template applied', async () => {
    const before = await t.http().get('/api/setup').expect(200);
    expect(before.body.needed).toBe(true);
    expect(before.body.templates.map((tpl: { id: string }) => tpl.id)).toContain(PLAN_TEMPLATE);

    const weak = await t.http().post('/api/setup').send(setupBody({ admin: { ...setupBody().admin, password: 'password1234' } })).expect(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_COMMON');
    const missing = await t.http().post('/api/setup').send(setupBody({ organization: { name: '', shortName: 'อบต.', province: 'นราธิวาส' } })).expect(400);
    expect(missing.body.issues[0]).toEqual({
      path: 'organization.name',
      code: 'organizationNameRequired',
      params: { minimum: 1, origin: 'string' },
      message: 'กรุณากรอกชื่อหน่วยงาน',
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n).toBe(0);

    const admin = request.agent(t.app.getHttpServer());
    const done = await admin.post('/api/setup').send(setupBody()).expect(201);
    expect(done.body).toMatchObject({ role: 'admin', email: 'somjai@bangkhunthong.example', organization: { name: 'องค์การบริหารส่วนตำบลบางขุนทอง' }, mustChangePassword: false });
    // Signed in by the set-up itself.
    expect((await admin.get('/api/auth/me').expect(200)).body.displayName).toBe('นางสาวสมใจ ตั้งมั่น');
    expect((await admin.get('/api/organization').expect(200)).body).toMatchObject({ shortName: 'อบต.บางขุนทอง', province: 'นราธิวาส' });
    const programs = (await admin.get('/api/programs').expect(200)).body.programs.map((p: { code: string }) => p.code);
    expect(programs).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    const log = (await admin.get('/api/audit-events').expect(200)).body.events;
    expect(log).toEqual([expect.objectContaining({ action: 'organization.created', actor: expect.objectContaining({ name: expect.stringContaining('somjai@') }) })]);

    // Gone afterwards, for everyone.
    expect((await t.http().get('/api/setup').expect(200)).body).toEqual({ needed: false, templates: [] });
    const again = await t.http().post('/api/setup').send(setupBody({ admin: { ...setupBody().admin, email: 'intruder@example.com' } })).expect(410);
    expect(again.body).toEqual({ code: 'SETUP_ALREADY_DONE', message: expect.stringContaining('เข้าสู่ระบบ') });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n).toBe(1);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM users`))[0].n).toBe(1);
  });

  it('lets an operator add more organizations, each with its first admin\'s invitation link, and nothing crosses between them', async () => {
    const created = await orgCreate(
      [
        '--name', 'องค์การบริหารส่วนตำบลศาลาใหม่',
        '--short-name', 'อบต.ศาลาใหม่',
        '--province', 'นราธิวาส',
        '--admin-name', 'นายอดุลย์ รักษ์ดี',
        '--admin-email', 'adul@salamai.example',
      ],
      { DATABASE_URL: db.url, PUBLIC_URL: 'https://sujarit.example.go.th', SMTP_URL: '' },
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('อบต.ศาลาใหม่');
    const link = /https:\/\/sujarit\.example\.go\.th\/set-password#([A-Za-z0-9_-]{43})/.exec(created.stdout);
    expect(link).not.toBeNull();

    // The invited admin sets a password through the link and finds an organization of their own, empty.
    const newAdmin = request.agent(t.app.getHttpServer());
    await newAdmin.post('/api/account-links/redeem').send({ token: link?.[1], password: 'ศาลาใหม่ใช้ระบบสุจริต' }).expect(200);
    const me = (await newAdmin.get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({ role: 'admin', organization: { name: 'องค์การบริหารส่วนตำบลศาลาใหม่' } });
    expect((await newAdmin.get('/api/programs').expect(200)).body.programs).toEqual([]);
    const log = (await newAdmin.get('/api/audit-events').expect(200)).body.events.map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name]);
    expect(log).toEqual([
      ['user.password_changed', expect.stringContaining('adul@')],
      ['user.invited', 'ผู้ดูแลเครื่องแม่ข่าย (คำสั่ง)'],
      ['organization.created', 'ผู้ดูแลเครื่องแม่ข่าย (คำสั่ง)'],
    ]);

    const withTemplate = await orgCreate(
      ['--name', 'องค์การบริหารส่วนตำบลเกาะสะท้อน', '--short-name', 'อบต.เกาะสะท้อน', '--province', 'นราธิวาส', '--admin-name', 'นายหนึ่ง ใจดี', '--admin-email', 'nueng@kohsathon.example', '--template', PLAN_TEMPLATE],
      { DATABASE_URL: db.url, PUBLIC_URL: '', SMTP_URL: '' },
    );
    expect(withTemplate.code).toBe(0);
    // Without PUBLIC_URL the link is a path, and the operator is told to put the address in front.
    expect(withTemplate.stdout).toMatch(/\n {2}\/set-password#[A-Za-z0-9_-]{43}\n/);
    expect(withTemplate.stdout).toContain('PUBLIC_URL');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM programs p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = 'อบต.เกาะสะท้อน'`,
    );
    expect(n).toBe(4);
  });

  it('refuses bad operator input with the option named, and a taken email, creating nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n;
    const missing = await orgCreate(['--name', 'อบต.ไม่ครบ', '--admin-email', 'not-an-email'], { DATABASE_URL: db.url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--short-name');
    expect(missing.stderr).toContain('--admin-email: กรุณากรอกอีเมลให้ถูกต้อง');
    const taken = await orgCreate(
      ['--name', 'องค์การบริหารส่วนตำบลซ้ำ', '--short-name', 'อบต.ซ้ำ', '--province', 'นราธิวาส', '--admin-name', 'นายซ้ำ ซ้ำ', '--admin-email', 'adul@salamai.example'],
      { DATABASE_URL: db.url },
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/อีเมล/);
    const unknownTemplate = await orgCreate(
      ['--name', 'องค์การบริหารส่วนตำบลใหม่', '--short-name', 'อบต.ใหม่', '--province', 'นราธิวาส', '--admin-name', 'นายใหม่ ใหม่', '--admin-email', 'mai@mai.example', '--template', 'no-such-template'],
      { DATABASE_URL: db.url },
    );
    expect(unknownTemplate.code).toBe(1);
    expect(unknownTemplate.stderr).toContain('ไม่พบแม่แบบ');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n).toBe(before);
  });
});
