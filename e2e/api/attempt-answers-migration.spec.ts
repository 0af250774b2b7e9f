import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATIONS = join(__dirname, '../../migrations');
const ROWS = 1764220000000;

const ORG = '00000000-0000-4000-8000-000000000001';
const PROGRAM = '00000000-0000-4000-8000-000000000002';
const SESSION = '00000000-0000-4000-8000-000000000003';
const PERSON = '00000000-0000-4000-8000-000000000004';
const ENROLMENT = '00000000-0000-4000-8000-000000000005';
const TEST = '00000000-0000-4000-8000-000000000006';
const [Q1, Q2, Q3] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'];
const GONE = '00000000-0000-4000-8000-0000000000ff';
const [SUBMITTED, OPEN] = ['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b2'];

/** A database from before questions and answers were rows: every test's list and every saved answer moves over, and back. */
describe('tests’ questions and attempts’ answers on an existing database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('moves each test’s questions in order and each attempt’s answers into rows, and the way back restores them', async () => {
    const name = `sujarit_rows_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const before = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && Number(file.split('-')[0]) < ROWS)
      .map((file) => join(MIGRATIONS, file));
    const old = new DataSource({ ...options, migrations: before });
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO organizations (id, name) VALUES ($1, 'อบต.เก่า')`, [ORG]);
    await old.query(
      `INSERT INTO programs (id, organization_id, code, name, audience, owner_unit) VALUES ($1, $2, '1.1.1', 'กฎหมาย', 'บุคลากร', 'สำนักปลัด')`,
      [PROGRAM, ORG],
    );
    for (const id of [Q1, Q2, Q3]) {
      await old.query(
        `INSERT INTO questions (id, organization_id, program_id, topic, type, stem, options, correct_option_ids, explanation)
         VALUES ($1, $2, $3, 'กฎหมาย', 'multiple_choice', 'ข้อใดถูก', '[{"id":"a","text":"ก"},{"id":"b","text":"ข"},{"id":"c","text":"ค"}]', '["a","c"]', '')`,
        [id, ORG, PROGRAM],
      );
    }
    await old.query(
      `INSERT INTO training_sessions (id, organization_id, program_id, fiscal_year, title, starts_at, ends_at, venue, capacity, join_code)
       VALUES ($1, $2, $3, 2569, 'รุ่นเก่า', now(), now() + interval '3 hours', 'ห้องประชุม', 30, 'CCCCCC')`,
      [SESSION, ORG, PROGRAM],
    );
    await old.query(`INSERT INTO people (id, organization_id, full_name, name_key, person_group) VALUES ($1, $2, 'คนเก่า', 'คนเก่า', 'staff')`, [PERSON, ORG]);
    await old.query(
      `INSERT INTO enrolments (id, organization_id, session_id, person_id, status, check_in_code) VALUES ($1, $2, $3, $4, 'attended', '1234')`,
      [ENROLMENT, ORG, SESSION, PERSON],
    );
    // Q3 first, Q1 named twice (its first place counts), a question that no longer exists, then Q2.
    await old.query(
      `INSERT INTO assessments (id, organization_id, session_id, kind, title, status, selection, question_ids)
       VALUES ($1, $2, $3, 'pre_test', 'ก่อนอบรม', 'open', '{"mode":"fixed","questionIds":[]}', $4)`,
      [TEST, ORG, SESSION, JSON.stringify([Q3, Q1, GONE, Q1, Q2])],
    );
    await old.query(
      `INSERT INTO attempts (id, organization_id, assessment_id, enrolment_id, attempt_number, answers, started_at, submitted_at, finish_reason, score, max_score, percent)
       VALUES ($1, $2, $3, $4, 1, $5, '2026-01-20T09:00:00+07:00', '2026-01-20T09:20:00+07:00', 'submitted', 1.5, 3, 50)`,
      [SUBMITTED, ORG, TEST, ENROLMENT, JSON.stringify({ [Q1]: ['a', 'c'], [Q3]: ['b'], [GONE]: ['a'] })],
    );
    await old.query(
      `INSERT INTO attempts (id, organization_id, assessment_id, enrolment_id, attempt_number, answers, started_at)
       VALUES ($1, $2, $3, $4, 2, $5, '2026-01-20T10:00:00+07:00')`,
      [OPEN, ORG, TEST, ENROLMENT, JSON.stringify({ [Q2]: [] })],
    );
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      expect(await current.query(`SELECT question_id, position FROM assessment_questions WHERE assessment_id = $1 ORDER BY position`, [TEST])).toEqual([
        { question_id: Q3, position: 0 },
        { question_id: Q1, position: 1 },
        { question_id: Q2, position: 4 },
      ]);
      const answers: { attempt_id: string; question_id: string; option_ids: string[]; answered_at: Date }[] = await current.query(
        `SELECT attempt_id, question_id, option_ids, answered_at FROM attempt_answers ORDER BY attempt_id, question_id`,
      );
      expect(answers).toEqual([
        { attempt_id: SUBMITTED, question_id: Q1, option_ids: ['a', 'c'], answered_at: new Date('2026-01-20T09:20:00+07:00') },
        { attempt_id: SUBMITTED, question_id: Q3, option_ids: ['b'], answered_at: new Date('2026-01-20T09:20:00+07:00') },
        // Still open: when it began. A cleared answer stays a cleared answer.
        { attempt_id: OPEN, question_id: Q2, option_ids: [], answered_at: new Date('2026-01-20T10:00:00+07:00') },
      ]);
      // The scores already given stand.
      expect(await current.query(`SELECT percent FROM attempts WHERE id = $1`, [SUBMITTED])).toEqual([{ percent: '50.00' }]);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      // A question a test holds cannot be deleted.
      await expect(current.query(`DELETE FROM questions WHERE id = $1`, [Q3])).rejects.toThrow(/FK_assessment_questions_question/);

      // Back to before this migration: the later ones are undone first.
      const last = async () => Number((await current.query(`SELECT max("timestamp") AS last FROM migrations`))[0].last);
      while ((await last()) >= ROWS) await current.undoLastMigration();
      const [test] = await current.query(`SELECT question_ids FROM assessments WHERE id = $1`, [TEST]);
      expect(test.question_ids).toEqual([Q3, Q1, Q2]);
      const attempts: { id: string; answers: Record<string, string[]> }[] = await current.query(`SELECT id, answers FROM attempts ORDER BY id`);
      expect(attempts).toEqual([
        { id: SUBMITTED, answers: { [Q1]: ['a', 'c'], [Q3]: ['b'] } },
        { id: OPEN, answers: { [Q2]: [] } },
      ]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });
});
