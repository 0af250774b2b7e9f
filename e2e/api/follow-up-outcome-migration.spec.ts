import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATIONS = join(__dirname, '../../migrations');
const FOLLOW_UP_OUTCOME = 1764265000000;

/** A database from before follow-up outcomes: the plan template's follow-up statements already in a bank get theirs. */
describe('follow-up outcomes on an existing database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("marks the template's follow-up statements with the plan's outcome and leaves every other item without one", async () => {
    const name = `sujarit_outcomes_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const before = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && Number(file.split('-')[0]) < FOLLOW_UP_OUTCOME)
      .map((file) => join(MIGRATIONS, file));
    const old = new DataSource({ ...options, migrations: before });
    await old.initialize();
    await old.runMigrations();
    const org = '00000000-0000-4000-8000-000000000001';
    const program = '00000000-0000-4000-8000-000000000002';
    await old.query(`INSERT INTO organizations (id, name) VALUES ($1, 'อบต.เก่า')`, [org]);
    await old.query(
      `INSERT INTO programs (id, organization_id, code, name, audience, owner_unit) VALUES ($1, $2, '1.3.1', 'เยาวชน', 'เด็กและเยาวชน', 'กองการศึกษา')`,
      [program, org],
    );
    const likert = `[{"id":"5","text":"มากที่สุด"},{"id":"4","text":"มาก"},{"id":"3","text":"ปานกลาง"},{"id":"2","text":"น้อย"},{"id":"1","text":"น้อยที่สุด"}]`;
    const items: [string, string][] = [
      ['ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน', 'ฉันเต็มใจสละเวลาของตัวเองมาช่วยงานส่วนรวม'],
      // The same words under another topic, and a statement an organizer wrote: not the template's.
      ['ความพึงพอใจต่อการอบรม', 'ฉันเต็มใจสละเวลาของตัวเองมาช่วยงานส่วนรวม'],
      ['ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน', 'ฉันชอบกิจกรรมจิตอาสา'],
    ];
    for (const [position, [topic, stem]] of items.entries()) {
      await old.query(
        `INSERT INTO questions (organization_id, program_id, topic, type, stem, options, correct_option_ids, explanation, points, position)
         VALUES ($1, $2, $3, 'likert', $4, $5::jsonb, '[]'::jsonb, '', 0, $6)`,
        [org, program, topic, stem, likert, position],
      );
    }
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      const rows: { follow_up_outcome: string | null }[] = await current.query(`SELECT follow_up_outcome FROM questions ORDER BY position`);
      expect(rows.map((r) => r.follow_up_outcome)).toEqual([
        'เด็กและเยาวชนมีจิตสาธารณะ และพร้อมที่จะเสียสละประโยชน์ส่วนตน เพื่อรักษาประโยชน์ส่วนรวม',
        null,
        null,
      ]);
      // A scored question cannot carry an outcome.
      await expect(
        current.query(
          `INSERT INTO questions (organization_id, program_id, topic, type, stem, options, correct_option_ids, explanation, follow_up_outcome)
           VALUES ($1, $2, 'ก', 'true_false', 'ข', '[]'::jsonb, '[]'::jsonb, '', 'ผลลัพธ์')`,
          [org, program],
        ),
      ).rejects.toThrow(/CHK_questions_follow_up_outcome/);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });
});
