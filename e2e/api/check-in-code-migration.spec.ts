import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATIONS = join(__dirname, '../../migrations');
const CHECK_IN_CODES = 1764201300000;

/** A database from before personal check-in codes: every enrolment already there gets one of its own. */
describe('personal check-in codes on an existing database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives every existing enrolment a distinct 4-digit code within its session', async () => {
    const name = `sujarit_codes_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const before = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && Number(file.split('-')[0]) < CHECK_IN_CODES)
      .map((file) => join(MIGRATIONS, file));
    const old = new DataSource({ ...options, migrations: before });
    await old.initialize();
    await old.runMigrations();
    const org = '00000000-0000-4000-8000-000000000001';
    await old.query(`INSERT INTO organizations (id, name) VALUES ($1, 'อบต.เก่า')`, [org]);
    await old.query(
      `INSERT INTO programs (id, organization_id, code, name, audience, owner_unit)
       VALUES ('00000000-0000-4000-8000-000000000002', $1, '1.1.1', 'กฎหมาย', 'บุคลากร', 'สำนักปลัด')`,
      [org],
    );
    for (const [session, code] of [
      ['00000000-0000-4000-8000-000000000003', 'AAAAAA'],
      ['00000000-0000-4000-8000-000000000004', 'BBBBBB'],
    ]) {
      await old.query(
        `INSERT INTO training_sessions (id, organization_id, program_id, fiscal_year, title, starts_at, ends_at, venue, capacity, join_code)
         VALUES ($1, $2, '00000000-0000-4000-8000-000000000002', 2569, 'รุ่นเก่า', now(), now() + interval '3 hours', 'ห้องประชุม', 300, $3)`,
        [session, org, code],
      );
      for (let i = 0; i < 250; i++) {
        const [{ id }] = await old.query(
          `INSERT INTO people (organization_id, full_name, name_key, person_group) VALUES ($1, $2, $2, 'citizen') RETURNING id`,
          [org, `คนที่ ${i} ${code}`],
        );
        await old.query(`INSERT INTO enrolments (organization_id, session_id, person_id, status) VALUES ($1, $2, $3, 'enrolled')`, [org, session, id]);
      }
    }
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      const rows: { session_id: string; codes: number; distinct_codes: number; well_formed: number }[] = await current.query(
        `SELECT session_id, count(*)::int AS codes, count(DISTINCT check_in_code)::int AS distinct_codes,
                count(*) FILTER (WHERE check_in_code ~ '^[0-9]{4}$')::int AS well_formed
           FROM enrolments GROUP BY session_id ORDER BY session_id`,
      );
      expect(rows.map(({ codes, distinct_codes, well_formed }) => [codes, distinct_codes, well_formed])).toEqual([
        [250, 250, 250],
        [250, 250, 250],
      ]);
      // Drawn at random, not counted up from 0000.
      const [{ sequential }] = await current.query(`SELECT count(*)::int AS sequential FROM enrolments WHERE check_in_code::int < 250`);
      expect(sequential).toBeLessThan(100);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });
});
