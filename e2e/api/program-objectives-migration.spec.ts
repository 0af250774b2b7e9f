import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { PLAN_TEMPLATE } from '@sujarit/api/programs/templates/plan-2566-2570/plan-2566-2570.template';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATIONS = join(__dirname, '../../migrations');
const OBJECTIVES = 1764270000000;

/** The template until now: "วัตถุประสงค์" and the objectives, in the description. */
const oldDescription = (code: string) => {
  const program = PLAN_TEMPLATE.programs.find((p) => p.code === code);
  if (!program) throw new Error(`no ${code} in the template`);
  return ['วัตถุประสงค์', program.objectives].join('\n');
};

/** A database from before objectives: the plan's trainings made from the template get the plan's text; a program edited by hand keeps its own. */
describe('program objectives on an existing database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("moves the template's objectives out of the description of unedited plan programs, and leaves the rest", async () => {
    const name = `sujarit_objectives_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const before = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && Number(file.split('-')[0]) < OBJECTIVES)
      .map((file) => join(MIGRATIONS, file));
    const old = new DataSource({ ...options, migrations: before });
    await old.initialize();
    await old.runMigrations();
    const org = '00000000-0000-4000-8000-000000000001';
    await old.query(`INSERT INTO organizations (id, name) VALUES ($1, 'อบต.เก่า')`, [org]);
    const insert = (code: string, description: string) =>
      old.query(`INSERT INTO programs (organization_id, code, name, audience, owner_unit, description) VALUES ($1, $2, 'โครงการ', 'บุคลากร', 'สำนักปลัด', $3)`, [
        org,
        code,
        description,
      ]);
    await insert('1.1.1', oldDescription('1.1.1'));
    await insert('1.3.1', oldDescription('1.3.1'));
    await insert('1.2.1', 'รายละเอียดที่ผู้จัดการอบรมเขียนเอง');
    await insert('9.9.9', oldDescription('1.1.1'));
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      const rows: { code: string; description: string; objectives: string }[] = await current.query(
        `SELECT code, description, objectives FROM programs ORDER BY code`,
      );
      const template = (code: string) => PLAN_TEMPLATE.programs.find((p) => p.code === code);
      expect(rows).toEqual([
        { code: '1.1.1', description: template('1.1.1')?.description, objectives: template('1.1.1')?.objectives },
        { code: '1.2.1', description: 'รายละเอียดที่ผู้จัดการอบรมเขียนเอง', objectives: '' },
        { code: '1.3.1', description: template('1.3.1')?.description, objectives: template('1.3.1')?.objectives },
        { code: '9.9.9', description: oldDescription('1.1.1'), objectives: '' },
      ]);
      expect(rows[0].objectives.split('\n')[0]).toMatch(/^๑\) เพื่อให้บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น/);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });
});
