import { inOrganization } from '@sujarit/api/database/tenancy';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { createSession, openTest, startTestApp, testIdOf, TestApp, TestOrganization } from '../support/test-app';

/** Tables that hold no organization's data, with why; every other table must be under row-level security. */
const PLATFORM_TABLES: Record<string, string> = {
  migrations: "TypeORM's record of the schema's migrations; closed to the app",
  throttle_buckets: 'counters of tries by email or client address, kept before anyone is known',
};

/**
 * Tenancy held by the database itself: the app works as `sujarit_app`, and every table of an organization's data shows
 * and takes only the rows of the organization its connection names; none named, none shown. Checked with raw SQL,
 * past the app's own WHERE clauses.
 */
describe('row-level security', () => {
  let t: TestApp;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  let tenantTables: string[];

  /** A query as the app's connections run it, for one organization or (null) none. */
  const asApp = <T>(organizationId: string | null, sql: string, parameters: unknown[] = []): Promise<T> =>
    inOrganization(organizationId, () => t.appDb.query(sql, parameters) as Promise<T>);
  const count = async (organizationId: string | null, table: string, where = 'true', parameters: unknown[] = []) =>
    Number((await asApp<{ n: string }[]>(organizationId, `SELECT count(*) AS n FROM "${table}" WHERE ${where}`, parameters))[0].n);
  const ownerCount = async (table: string, where = 'true', parameters: unknown[] = []) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`, parameters))[0].n);

  /** An organization with a bit of everything: programs, a session with its tests, a phone's answer, a sign-in, an invitation. */
  async function organizationWithData(name: string): Promise<TestOrganization> {
    const org = await t.createOrganization(name);
    const admin = await org.login('admin');
    await admin.post('/api/users').send({ displayName: 'ผู้ได้รับเชิญ ทดสอบ', email: `invited-${randomUUID().slice(0, 8)}@test.example`, role: 'manager', unit: null }).expect(201);
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1');
    await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'อาหารว่าง', amountBaht: 1500 }).expect(201);
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: `ผู้เข้าอบรม ${name}`, group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    const question = attempt.questions[0] as { id: string; options: { id: string }[] };
    await phone.put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${question.id}`).send({ optionIds: [question.options[0].id] }).expect(204);
    return org;
  }

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await organizationWithData('อบต.อาร์แอลเอส เอ');
    orgB = await organizationWithData('อบต.อาร์แอลเอส บี');
    const rows: { table_name: string }[] = await t.db.query(
      `SELECT DISTINCT c.relname AS table_name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'organization_id' AND NOT a.attisdropped
        ORDER BY 1`,
    );
    tenantTables = rows.map((row) => row.table_name);
  });
  afterAll(() => t.close());

  it('runs the app as a role that is neither owner, superuser nor BYPASSRLS', async () => {
    const [role] = await asApp<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: string }[]>(
      null,
      `SELECT current_user, r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND pg_has_role(current_user, c.relowner, 'USAGE'))::text AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ current_user: 'sujarit_app', rolsuper: false, rolbypassrls: false, owns: '0' });
  });

  it('puts every table of an organization’s data under row-level security, forced on the owner too', async () => {
    const tables: { name: string; enabled: boolean; forced: boolean; app_policies: string }[] = await t.db.query(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*) FROM pg_policies p WHERE p.schemaname = current_schema() AND p.tablename = c.relname AND 'sujarit_app' = ANY (p.roles))::text AS app_policies
         FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    expect(tenantTables).toEqual(expect.arrayContaining(['attempts', 'attempt_answers', 'enrolments', 'people', 'programs', 'users', 'audit_events']));
    const unprotected = tables.filter((table) => !(table.name in PLATFORM_TABLES) && !(table.enabled && table.forced && table.app_policies === '1'));
    // A new table must either be under the organization's policy or be named a platform table above, with its reason.
    expect(unprotected).toEqual([]);
    for (const name of Object.keys(PLATFORM_TABLES)) expect(tables.map((table) => table.name)).toContain(name);
    for (const name of [...tenantTables, 'organizations', 'auth_sessions']) expect(tables.find((table) => table.name === name)).toBeDefined();
  });

  it('shows no rows of any organization to a query that names none, through the app’s pool or a raw connection', async () => {
    for (const table of [...tenantTables, 'organizations', 'auth_sessions']) {
      expect({ table, rows: await count(null, table) }).toEqual({ table, rows: 0 });
    }
    // The data is there, as the owner sees it.
    for (const table of ['organizations', 'users', 'auth_sessions', 'account_tokens', 'audit_events', 'programs', 'program_years', 'questions', 'training_sessions', 'session_expenses', 'assessments', 'assessment_questions', 'people', 'enrolments', 'attempts', 'attempt_answers']) {
      expect({ table, rows: (await ownerCount(table)) > 0 }).toEqual({ table, rows: true });
    }
    // A connection of its own that switches to the app's role and never names an organization sees nothing either.
    const raw = new DataSource({ ...dataSourceOptions(process.env.SUJARIT_TEST_DATABASE_URL as string), extra: { max: 1 } });
    await raw.initialize();
    try {
      await raw.transaction(async (manager) => {
        await manager.query(`SET LOCAL ROLE sujarit_app`);
        for (const table of [...tenantTables, 'organizations', 'auth_sessions']) {
          const [{ n }] = await manager.query(`SELECT count(*) AS n FROM "${table}"`);
          expect({ table, rows: Number(n) }).toEqual({ table, rows: 0 });
        }
      });
    } finally {
      await raw.destroy();
    }
  });

  it('lets one organization’s connection read, change and delete only its own rows, whatever the SQL asks for', async () => {
    for (const table of [...tenantTables]) {
      const own = await ownerCount(table, 'organization_id = $1', [orgA.id]);
      expect({ table, rows: await count(orgA.id, table) }).toEqual({ table, rows: own });
      expect({ table, rows: await count(orgA.id, table, 'organization_id = $1', [orgB.id]) }).toEqual({ table, rows: 0 });
    }
    expect(await asApp(orgA.id, `SELECT id FROM organizations`)).toEqual([{ id: orgA.id }]);
    // Another organization's signed-in browsers are not there.
    expect(await count(orgA.id, 'auth_sessions', 'user_id IN (SELECT id FROM users WHERE organization_id = $1)', [orgB.id])).toBe(0);
    expect(await count(orgB.id, 'auth_sessions')).toBeGreaterThan(0);

    const before = await t.db.query(`SELECT id, name FROM programs WHERE organization_id = $1 ORDER BY id`, [orgB.id]);
    const [, updated] = await asApp<[unknown, number]>(orgA.id, `UPDATE programs SET name = 'ยึด' WHERE organization_id = $1`, [orgB.id]);
    expect(updated).toBe(0);
    const [, deleted] = await asApp<[unknown, number]>(orgA.id, `DELETE FROM people WHERE organization_id = $1`, [orgB.id]);
    expect(deleted).toBe(0);
    const [, renamed] = await asApp<[unknown, number]>(orgA.id, `UPDATE organizations SET name = 'ยึด' WHERE id = $1`, [orgB.id]);
    expect(renamed).toBe(0);
    expect(await t.db.query(`SELECT id, name FROM programs WHERE organization_id = $1 ORDER BY id`, [orgB.id])).toEqual(before);
    expect(await ownerCount('people', 'organization_id = $1', [orgB.id])).toBeGreaterThan(0);
    expect(await ownerCount('organizations', `id = $1 AND name <> 'ยึด'`, [orgB.id])).toBe(1);

    // Writing a row into another organization, or moving one there, is refused.
    await expect(
      asApp(orgA.id, `INSERT INTO programs (organization_id, code, name, audience, owner_unit) VALUES ($1, 'RLS-1', 'แทรก', 'staff', 'สำนักปลัด')`, [orgB.id]),
    ).rejects.toThrow(/row-level security/);
    await expect(asApp(orgA.id, `UPDATE people SET organization_id = $1 WHERE organization_id = $2`, [orgB.id, orgA.id])).rejects.toThrow(/row-level security/);
    await expect(asApp(orgA.id, `INSERT INTO organizations (id, name) VALUES ($1, 'แทรก')`, [randomUUID()])).rejects.toThrow(/row-level security/);
  });

  it("finds an organization by a key before it is known: the organization's id, or none", async () => {
    const session = (await t.db.query(`SELECT join_code FROM training_sessions WHERE organization_id = $1 LIMIT 1`, [orgB.id]))[0] as { join_code: string };
    expect(await asApp(null, `SELECT sujarit_organization_of_join_code($1) AS id`, [session.join_code])).toEqual([{ id: orgB.id }]);
    expect(await asApp(null, `SELECT sujarit_organization_of_join_code($1) AS id`, ['NO-SUCH'])).toEqual([{ id: null }]);
    expect(await asApp(null, `SELECT sujarit_organization_of_user_email($1) AS id`, [orgA.email('manager')])).toEqual([{ id: orgA.id }]);
  });

  it('works through a login role of its own (DATABASE_APP_URL) that is only a member of sujarit_app', async () => {
    const login = `sujarit_app_login_${randomUUID().slice(0, 8)}`;
    const password = randomUUID();
    await t.db.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}' IN ROLE sujarit_app`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.username = login;
    url.password = password;
    try {
      const app = await startTestApp({ appDatabaseUrl: url.toString() });
      try {
        const organizer = await orgA.login('organizer');
        const agent = app.http();
        await agent.post('/api/auth/login').send({ email: orgA.email('organizer'), password: orgA.password }).expect(200);
        const programs = (await agent.get('/api/programs').expect(200)).body.programs as unknown[];
        expect(programs.length).toBe((await organizer.get('/api/programs').expect(200)).body.programs.length);
        const [who] = await app.appDb.query(`SELECT session_user, current_user`);
        expect(who).toEqual({ session_user: login, current_user: 'sujarit_app' });
      } finally {
        await app.close();
      }
    } finally {
      await t.db.query(`DROP ROLE ${login}`);
    }
  });
});
