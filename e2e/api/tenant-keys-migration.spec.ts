import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { migrateWithLock } from '@sujarit/api/database/migrate-with-lock';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATIONS = join(__dirname, '../../migrations');
const JOIN_CODES = 1764240000000;

const [ORG_A, ORG_B] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const PROGRAM = '00000000-0000-4000-8000-000000000002';
const [SESSION_A, SESSION_B] = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'];
const PERSON = '00000000-0000-4000-8000-000000000004';
const ENROLMENT = '00000000-0000-4000-8000-000000000005';
const TEST = '00000000-0000-4000-8000-000000000006';
const ATTEMPT = '00000000-0000-4000-8000-000000000007';
const [FIRST, SECOND, ORPHAN] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'];
const GONE = '00000000-0000-4000-8000-0000000000ff';

/** A database from before join codes were global rows and tenant keys led with the organization: its data moves over, and back. */
describe('join codes and tenant keys on an existing database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers every session’s join code with its organization, keys the big tables by organization, and the way back restores them', async () => {
    const name = `sujarit_keys_${Date.now()}`;
    await t.db.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const options = dataSourceOptions(url.toString());
    const before = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && Number(file.split('-')[0]) < JOIN_CODES)
      .map((file) => join(MIGRATIONS, file));
    const old = new DataSource({ ...options, migrations: before });
    await old.initialize();
    await old.runMigrations();
    for (const [id, name] of [[ORG_A, 'อบต.เอ'], [ORG_B, 'อบต.บี']]) await old.query(`INSERT INTO organizations (id, name) VALUES ($1, $2)`, [id, name]);
    await old.query(
      `INSERT INTO programs (id, organization_id, code, name, audience, owner_unit) VALUES ($1, $2, '1.1.1', 'กฎหมาย', 'บุคลากร', 'สำนักปลัด')`,
      [PROGRAM, ORG_A],
    );
    for (const [id, code] of [[SESSION_A, 'AAAAAA'], [SESSION_B, 'BBBBBB']]) {
      await old.query(
        `INSERT INTO training_sessions (id, organization_id, program_id, fiscal_year, title, starts_at, ends_at, venue, capacity, join_code)
         VALUES ($1, $2, $3, 2569, 'รุ่นเก่า', now(), now() + interval '3 hours', 'ห้องประชุม', 30, $4)`,
        [id, ORG_A, PROGRAM, code],
      );
    }
    await old.query(`INSERT INTO people (id, organization_id, full_name, name_key, person_group) VALUES ($1, $2, 'คนเก่า', 'คนเก่า', 'staff')`, [PERSON, ORG_A]);
    await old.query(
      `INSERT INTO enrolments (id, organization_id, session_id, person_id, status, check_in_code, device_token_hash) VALUES ($1, $2, $3, $4, 'attended', '1234', 'hash')`,
      [ENROLMENT, ORG_A, SESSION_A, PERSON],
    );
    // A first version and its second; and a version whose first version was deleted (no key held it then).
    for (const [id, lineage] of [[FIRST, null], [SECOND, FIRST], [ORPHAN, GONE]]) {
      await old.query(
        `INSERT INTO questions (id, organization_id, program_id, topic, type, stem, options, correct_option_ids, explanation, lineage_id)
         VALUES ($1, $2, $3, 'กฎหมาย', 'single_choice', 'ข้อใดถูก', '[{"id":"a","text":"ก"},{"id":"b","text":"ข"}]', '["a"]', '', $4)`,
        [id, ORG_A, PROGRAM, lineage],
      );
    }
    await old.query(
      `INSERT INTO assessments (id, organization_id, session_id, kind, title, status, selection) VALUES ($1, $2, $3, 'pre_test', 'ก่อนอบรม', 'open', '{"mode":"fixed","questionIds":[]}')`,
      [TEST, ORG_A, SESSION_A],
    );
    await old.query(`INSERT INTO assessment_questions (organization_id, assessment_id, question_id, position) VALUES ($1, $2, $3, 0)`, [ORG_A, TEST, SECOND]);
    await old.query(
      `INSERT INTO attempts (id, organization_id, assessment_id, enrolment_id, attempt_number, started_at) VALUES ($1, $2, $3, $4, 1, '2026-01-20T09:00:00+07:00')`,
      [ATTEMPT, ORG_A, TEST, ENROLMENT],
    );
    await old.query(
      `INSERT INTO attempt_answers (organization_id, attempt_id, question_id, option_ids, answered_at) VALUES ($1, $2, $3, '{a}', '2026-01-20T09:05:00+07:00')`,
      [ORG_A, ATTEMPT, SECOND],
    );
    await old.destroy();

    const current = new DataSource(options);
    await current.initialize();
    try {
      await migrateWithLock(current);
      expect(await current.query(`SELECT code, organization_id FROM join_codes ORDER BY code`)).toEqual([
        { code: 'AAAAAA', organization_id: ORG_A },
        { code: 'BBBBBB', organization_id: ORG_A },
      ]);
      expect(await current.query(`SELECT id, lineage_id FROM questions ORDER BY id`)).toEqual([
        { id: FIRST, lineage_id: null },
        { id: SECOND, lineage_id: FIRST },
        // Its first version is gone: it is a first version now.
        { id: ORPHAN, lineage_id: null },
      ]);
      expect(await current.query(`SELECT count(*)::int AS n FROM attempt_answers WHERE organization_id = $1 AND attempt_id = $2`, [ORG_A, ATTEMPT])).toEqual([{ n: 1 }]);
      expect((await current.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      // The moved code holds: another organization's session cannot take it.
      await expect(current.query(`UPDATE training_sessions SET organization_id = $1 WHERE id = $2`, [ORG_B, SESSION_B])).rejects.toThrow(
        /FK_training_sessions/,
      );

      const last = async () => Number((await current.query(`SELECT max("timestamp") AS last FROM migrations`))[0].last);
      while ((await last()) >= JOIN_CODES) await current.undoLastMigration();
      expect(await current.query(`SELECT to_regclass('join_codes') AS t`)).toEqual([{ t: null }]);
      const keys: { key: string }[] = await current.query(
        `SELECT pg_get_constraintdef(oid) AS key FROM pg_constraint WHERE contype = 'p' AND conrelid IN ('attempts'::regclass, 'enrolments'::regclass)`,
      );
      expect(keys).toEqual([{ key: 'PRIMARY KEY (id)' }, { key: 'PRIMARY KEY (id)' }]);
      // Join codes are unique across the deployment again, by their own index.
      await expect(current.query(`UPDATE training_sessions SET join_code = 'AAAAAA' WHERE id = $1`, [SESSION_B])).rejects.toThrow(/duplicate key/);
      expect(await current.query(`SELECT count(*)::int AS n FROM attempt_answers`)).toEqual([{ n: 1 }]);
    } finally {
      await current.destroy();
      await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  });
});
