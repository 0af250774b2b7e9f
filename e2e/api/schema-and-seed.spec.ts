import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { DEMO_ORGANIZATION_NAME, DEMO_USERS } from '@sujarit/api/seed/demo-organization.seed';
import { DataSource } from 'typeorm';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

describe('database schema and default data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has migrations that match the entities: a generated migration would be empty', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    expect(await t.db.showMigrations()).toBe(false);
  });

  it('upgrades a database made by the first migration, keeping its data', async () => {
    const name = `sujarit_upgrade_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const old = new DataSource({ ...options, migrations: [join(__dirname, '../../migrations/1764120000000-initial.ts')] });
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO organizations (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'อบต.เก่า')`);
    await old.query(
      `INSERT INTO programs (id, organization_id, code, name, audience, owner_unit)
       VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '1.1.1', 'กฎหมาย', 'บุคลากร', 'สำนักปลัด')`,
    );
    await old.query(
      `INSERT INTO program_years (organization_id, program_id, fiscal_year, target_headcount, sessions_required, budget_baht, pass_mark_percent, target_pass_rate_percent)
       VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 2569, 65, 2, 250000, 60, 80)`,
    );
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      expect(await current.query(`SELECT owner_unit, target_headcount FROM program_years`)).toEqual([
        { owner_unit: 'สำนักปลัด', target_headcount: 65 },
      ]);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });

  it('creates the demo organization with the four trainings of the plan for 2566–2570', async () => {
    const rows: { code: string; fiscal_year: number; target_headcount: number; sessions_required: number; budget_baht: string; pass_mark_percent: string; target_pass_rate_percent: string }[] =
      await t.db.query(
        `SELECT p.code, y.fiscal_year, y.target_headcount, y.sessions_required, y.budget_baht, y.pass_mark_percent, y.target_pass_rate_percent
           FROM program_years y JOIN programs p ON p.id = y.program_id JOIN organizations o ON o.id = p.organization_id
          WHERE o.name = $1 ORDER BY p.code, y.fiscal_year`,
        [DEMO_ORGANIZATION_NAME],
      );
    expect(rows).toHaveLength(20);
    const year2568 = rows.filter((r) => r.fiscal_year === 2568);
    expect(year2568.map((r) => [r.code, r.target_headcount, r.sessions_required, Number(r.budget_baht)])).toEqual([
      ['1.1.1', 65, 2, 250000],
      ['1.1.2', 65, 1, 250000],
      ['1.2.1', 60, 1, 100000],
      ['1.3.1', 190, 1, 20000],
    ]);
    expect(new Set(rows.map((r) => `${Number(r.pass_mark_percent)}/${Number(r.target_pass_rate_percent)}`))).toEqual(new Set(['60/80']));
    expect([...new Set(rows.map((r) => r.fiscal_year))]).toEqual([2566, 2567, 2568, 2569, 2570]);
  });

  it('gives each training a Thai question bank of at least 10 scored questions, single-answer ones with one right option each', async () => {
    const banks: { code: string; count: number; bad: number; thai: number }[] = await t.db.query(
      `SELECT p.code, count(q.*)::int AS count,
              count(*) FILTER (WHERE q.type IN ('single_choice', 'true_false') AND (jsonb_array_length(q.correct_option_ids) <> 1
                OR NOT (q.options @> jsonb_build_array(jsonb_build_object('id', q.correct_option_ids->>0)))))::int AS bad,
              count(*) FILTER (WHERE q.stem ~ '[ก-๙]' AND q.explanation ~ '[ก-๙]')::int AS thai
         FROM questions q JOIN programs p ON p.id = q.program_id JOIN organizations o ON o.id = p.organization_id
        WHERE o.name = $1 AND q.type <> 'likert' GROUP BY p.code ORDER BY p.code`,
      [DEMO_ORGANIZATION_NAME],
    );
    expect(banks.map((b) => b.code)).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    for (const bank of banks) {
      expect(bank.count).toBeGreaterThanOrEqual(10);
      expect(bank.bad).toBe(0);
      expect(bank.thai).toBe(bank.count);
    }
  });

  it('creates one demo user per role who can log in, and must choose a new password before anything else', async () => {
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual(['admin', 'manager', 'organizer']);
    for (const user of DEMO_USERS) {
      const agent = t.http();
      const response = await agent.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
      expect(response.body).toMatchObject({ role: user.role, organization: { name: DEMO_ORGANIZATION_NAME }, mustChangePassword: true });
      expect((await agent.get('/api/plan').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
  });

  it('seeds only an empty database: a second start adds no second demo organization', async () => {
    const again = await startTestApp();
    await again.close();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM organizations WHERE name = $1`, [DEMO_ORGANIZATION_NAME]);
    expect(n).toBe(1);
  });
});
