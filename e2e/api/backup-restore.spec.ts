import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BACKUP_MAGIC, type BackupHeader, jsonRecord } from '@sujarit/api/database/backup/backup-format';
import { Client } from 'pg';
import { createSession, startTestApp, type TestApp, testIdOf } from '../support/test-app';

/**
 * `npm run db:backup` and `npm run db:restore` as a person runs them: each command is its own process (the
 * current sources, compiled as jest compiles them), on real PostgreSQL databases made for this file.
 */
const ROOT = join(__dirname, '../..');
const TRAINEE_NAME = 'ผู้ทดสอบ สำรองข้อมูล';
const CLI_TIMEOUT_MS = 90_000;

interface CliResult {
  code: number | null;
  output: string;
}

function runCli(command: 'db-backup' | 'db-restore', args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'e2e/support/register-ts.js'), join(ROOT, `apps/api/src/database/backup/${command}.ts`), ...args],
      { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * The embedded PostgreSQL 18 on FOLDER/postgres as `npm start` runs it, in a process of its own (as under the app).
 */
function startEmbeddedServer(folder: string): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'e2e/support/register-ts.js'), join(ROOT, 'e2e/support/embedded-server.ts'), folder],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        resolve({
          url: (JSON.parse(line) as { url: string }).url,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the embedded server exited (${code}): ${output}`)));
  });
}

/** The environment `npm run db:…` would see: a server's URL, or none (the embedded database in `dataDir`). */
function withServer(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl };
}
function withEmbedded(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SUJARIT_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}

/** Every table of the schema (the migrations table too): its row count and an md5 of its rows in one fixed order. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
           FROM ${client.escapeIdentifier(name)} t`,
      );
      result[name] = rows[0];
    }
    const sequences = await client.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const sequence of sequences.rows) result[`sequence ${sequence.name}`] = { rows: 0, md5: String(sequence.last) };
    // The schema around the rows: keys, checks, foreign keys and indexes (PostgreSQL 18 also lists NOT NULL, left out).
    const schema = await client.query<{ definition: string }>(
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f', 'c', 'x')
       UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
       ORDER BY 1`,
    );
    result.schema = { rows: schema.rows.length, md5: schema.rows.map((row) => row.definition).join('\n') };
    return result;
  } finally {
    await client.end();
  }
}

async function relationCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Data a real day leaves: an organization with its users, a session, a trainee who joined and took the pre-test. */
async function useTheApp(t: TestApp) {
  const org = await t.createOrganization();
  const organizer = await org.login('organizer');
  const session = await createSession(organizer, '1.1.1');
  const phone = t.http();
  await phone.post(`/api/join/${session.joinCode}`).send({ fullName: TRAINEE_NAME, group: 'staff' }).expect(200);
  await organizer.post(`/api/assessments/${testIdOf(session, 'pre_test')}/open`).expect(204);
  const attempt = await phone
    .post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`)
    .send({})
    .expect(200);
  const question = attempt.body.questions[0] as { id: string; options: { id: string }[] };
  await phone
    .put(`/api/join/${session.joinCode}/attempts/${attempt.body.id}/answers/${question.id}`)
    .send({ optionIds: [question.options[0].id] })
    .expect(204);
  await phone
    .post(`/api/join/${session.joinCode}/attempts/${attempt.body.id}/submit`)
    .set('Idempotency-Key', randomUUID())
    .send({})
    .expect(200);
  return { org, session };
}

/** The unzipped backup with its header (the first record after the magic line) changed. */
function withHeader(unzipped: Buffer, change: (header: BackupHeader) => BackupHeader): Buffer {
  const start = BACKUP_MAGIC.length;
  const length = unzipped.readUInt32BE(start + 1);
  const header = JSON.parse(unzipped.subarray(start + 5, start + 5 + length).toString('utf8')) as BackupHeader;
  return Buffer.concat([BACKUP_MAGIC, jsonRecord('H', change(header)), unzipped.subarray(start + 5 + length)]);
}

async function backupFileIn(folder: string): Promise<string> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.sujarit-backup.gz'));
  expect(files).toHaveLength(1);
  return join(folder, files[0]);
}

describe('backup and restore (npm run db:backup, npm run db:restore)', () => {
  const created: string[] = [];
  const folders: string[] = [];
  let admin: Client;

  /** A new empty database on the test run's server. */
  async function newDatabase(): Promise<string> {
    const name = `sujarit_backup_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    created.push(name);
    const url = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function newFolder(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'sujarit-backup-test-'));
    // As root the embedded server runs as the postgres user, who must be able to enter the folder.
    await chmod(folder, 0o755);
    folders.push(folder);
    return folder;
  }

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  let sourceUrl: string;
  let backupFile: string;
  let sourceData: Awaited<ReturnType<typeof fingerprint>>;
  let organizationLogin: Awaited<ReturnType<typeof useTheApp>>['org'];

  it('backs up a database while the app runs on it, and restores it into a fresh database with every row the same; the app signs in there', async () => {
    sourceUrl = await newDatabase();
    const source = await startTestApp({ databaseUrl: sourceUrl });
    try {
      const { org } = await useTheApp(source);
      organizationLogin = org;
      const folder = await newFolder();
      // With no file named, the backup goes to backups/ under the current folder, named by Bangkok time.
      const backup = await runCli('db-backup', [], withServer(sourceUrl), folder);
      expect(backup.output).toContain('Backup done');
      expect(backup.code).toBe(0);
      expect(backup.output).not.toContain(TRAINEE_NAME);
      backupFile = await backupFileIn(join(folder, 'backups'));
      expect(backupFile).toMatch(/backups\/sujarit-25\d\d-\d\d-\d\d-\d{6}\.sujarit-backup\.gz$/);
      // Personal data: the file is its owner's alone, and so is the folder made for it.
      expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
      expect((await stat(join(folder, 'backups'))).mode & 0o777).toBe(0o700);
      sourceData = await fingerprint(sourceUrl);
      const again = await runCli('db-backup', [backupFile], withServer(sourceUrl));
      expect(again.code).toBe(1);
      expect(again.output).toContain('already exists: it is not overwritten');
    } finally {
      await source.close();
    }
    for (const table of ['organizations', 'users', 'auth_sessions', 'training_sessions', 'people', 'enrolments', 'attempts', 'questions']) {
      expect(sourceData[table].rows).toBeGreaterThan(0);
    }

    const targetUrl = await newDatabase();
    const restore = await runCli('db-restore', [backupFile], withServer(targetUrl));
    expect(restore.output).toContain('Restore done');
    expect(restore.code).toBe(0);
    expect(restore.output).not.toContain(TRAINEE_NAME);
    expect(await fingerprint(targetUrl)).toEqual(sourceData);

    const restored = await startTestApp({ databaseUrl: targetUrl });
    try {
      expect(await restored.db.showMigrations()).toBe(false);
      const organizer = restored.http();
      await organizer
        .post('/api/auth/login')
        .send({ email: organizationLogin.email('organizer'), password: organizationLogin.password })
        .expect(200);
      const sessions = await organizer.get('/api/sessions').expect(200);
      expect(JSON.stringify(sessions.body)).toContain('รุ่นที่ 1');
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('refuses to back up or restore as a database role that row-level security holds, saying which right it needs', async () => {
    // An owner that is neither superuser nor BYPASSRLS would see no organization's rows: a backup must not come out empty.
    const role = `sujarit_no_bypass_${Date.now()}`;
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'no-bypass' NOSUPERUSER NOBYPASSRLS`);
    try {
      const asRole = new URL(sourceUrl);
      asRole.username = role;
      asRole.password = 'no-bypass';
      const folder = await newFolder();
      const backup = await runCli('db-backup', [join(folder, 'x.sujarit-backup.gz')], withServer(asRole.toString()));
      expect(backup.code).toBe(1);
      expect(backup.output).toContain('BYPASSRLS');
      expect(backup.output).toContain('ต้องเป็น superuser หรือมีสิทธิ์ BYPASSRLS');
      expect(existsSync(join(folder, 'x.sujarit-backup.gz'))).toBe(false);
      const target = new URL(await newDatabase());
      target.username = role;
      target.password = 'no-bypass';
      const restore = await runCli('db-restore', [backupFile], withServer(target.toString()));
      expect(restore.code).toBe(1);
      expect(restore.output).toContain('ต้องเป็น superuser หรือมีสิทธิ์ BYPASSRLS');
    } finally {
      await admin.query(`DROP ROLE ${role}`);
    }
  }, 60_000);

  it('refuses to restore into a database that holds data, or that an app is using, changing nothing; --replace puts the backup in its place', async () => {
    const targetUrl = await newDatabase();
    const other = await startTestApp({ databaseUrl: targetUrl });
    await other.createOrganization();

    const inUse = await runCli('db-restore', [backupFile, '--replace'], withServer(targetUrl));
    expect(inUse.code).toBe(1);
    expect(inUse.output).toContain('is Sujarit still running?');
    await other.close();
    const before = await fingerprint(targetUrl);

    const refused = await runCli('db-restore', [backupFile], withServer(targetUrl));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว');
    expect(refused.output).toContain('The target database already holds data (organizations');
    expect(refused.output).toContain('--replace');
    expect(await fingerprint(targetUrl)).toEqual(before);

    const replaced = await runCli('db-restore', [backupFile, '--replace'], withServer(targetUrl));
    expect(replaced.output).toContain('the data that was there is replaced');
    expect(replaced.code).toBe(0);
    expect(await fingerprint(targetUrl)).toEqual(sourceData);
  }, 180_000);

  it('refuses a cut-short or foreign file with a clear message, leaving an empty target empty and a full one unchanged', async () => {
    const whole = await readFile(backupFile);
    const folder = await newFolder();
    const cut = join(folder, 'cut.sujarit-backup.gz');
    // Cut inside the rows: the header at the start is whole, the rest is not.
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const emptyUrl = await newDatabase();
    const cutShort = await runCli('db-restore', [cut], withServer(emptyUrl));
    expect(cutShort.code).toBe(1);
    expect(cutShort.output).toContain('ไฟล์สำรองข้อมูลไม่สมบูรณ์หรือเสียหาย');
    expect(cutShort.output).toContain('The backup file is incomplete or damaged');
    expect(await relationCount(emptyUrl)).toBe(0);

    // Even with --replace, a cut-short file takes nothing away: the drop and the load are one transaction.
    const fullUrl = await newDatabase();
    const restore = await runCli('db-restore', [backupFile], withServer(fullUrl));
    expect(restore.code).toBe(0);
    const replacedByCut = await runCli('db-restore', [cut, '--replace'], withServer(fullUrl));
    expect(replacedByCut.code).toBe(1);
    expect(replacedByCut.output).toContain('incomplete or damaged');
    expect(await fingerprint(fullUrl)).toEqual(sourceData);

    // A backup from a newer Sujarit, whose schema this version cannot make.
    const newer = join(folder, 'newer.sujarit-backup.gz');
    const future = { id: 99, timestamp: 9999999999999, name: 'FromTheFuture9999999999999' };
    const newerContent = withHeader(gunzipSync(whole), (header) => ({
      ...header,
      appVersion: '9.0.0',
      migrations: [...header.migrations, future],
    }));
    await writeFile(newer, gzipSync(newerContent));
    const fromTheFuture = await runCli('db-restore', [newer], withServer(emptyUrl));
    expect(fromTheFuture.code).toBe(1);
    expect(fromTheFuture.output).toContain('update Sujarit before restoring');
    expect(fromTheFuture.output).toContain('FromTheFuture9999999999999');
    expect(await relationCount(emptyUrl)).toBe(0);

    const foreignGzip = join(folder, 'notes.gz');
    await writeFile(foreignGzip, gzipSync(Buffer.from('organizations,users\n'.repeat(100))));
    for (const foreign of [foreignGzip, join(ROOT, 'package.json')]) {
      const refused = await runCli('db-restore', [foreign], withServer(emptyUrl));
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของสุจริต');
      expect(refused.output).toContain('This file is not a Sujarit backup.');
    }
    expect(await relationCount(emptyUrl)).toBe(0);
  }, 180_000);

  it('backs up the embedded database through the server the app runs on it, or by starting one, and moves it to a server and into a new embedded folder', async () => {
    const appFolder = await newFolder();
    const dataDir = join(appFolder, 'postgres');
    // What `npm start` runs with no DATABASE_URL: the embedded PostgreSQL 18 on .data/postgres, and the app on it.
    const embedded = await startEmbeddedServer(appFolder);
    let embeddedData: Awaited<ReturnType<typeof fingerprint>>;
    const out = await newFolder();
    try {
      const app = await startTestApp({ databaseUrl: embedded.url });
      try {
        await useTheApp(app);
        const whileRunning = await runCli('db-backup', [join(out, 'running.sujarit-backup.gz')], withEmbedded(appFolder));
        expect(whileRunning.output).toContain('already running');
        expect(whileRunning.code).toBe(0);
        embeddedData = await fingerprint(embedded.url);
        // Restoring under the running app is refused, even one idle enough to hold no connection.
        const underTheApp = await runCli('db-restore', [join(out, 'running.sujarit-backup.gz'), '--replace'], withEmbedded(appFolder));
        expect(underTheApp.code).toBe(1);
        expect(underTheApp.output).toContain('stop Sujarit first');
        expect(await fingerprint(embedded.url)).toEqual(embeddedData);
      } finally {
        await app.close();
      }
    } finally {
      await embedded.stop();
    }

    // With the app stopped, the command starts the embedded server itself and stops it again.
    const stopped = await runCli('db-backup', [join(out, 'stopped.sujarit-backup.gz')], withEmbedded(appFolder));
    expect(stopped.output).not.toContain('already running');
    expect(stopped.code).toBe(0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    // To a server (PostgreSQL 15 when TEST_DATABASE_URL names the machine's server): the move the README describes.
    for (const file of ['running', 'stopped']) {
      const serverUrl = await newDatabase();
      const moved = await runCli('db-restore', [join(out, `${file}.sujarit-backup.gz`)], withServer(serverUrl));
      expect(moved.output).toContain('on PostgreSQL 18');
      expect(moved.code).toBe(0);
      expect(await fingerprint(serverUrl)).toEqual(embeddedData);
    }

    // Into the embedded database of a new machine (no .data yet): the restore creates it.
    const newMachine = await newFolder();
    const intoEmbedded = await runCli('db-restore', [join(out, 'running.sujarit-backup.gz')], withEmbedded(newMachine));
    expect(intoEmbedded.code).toBe(0);
    const restoredEmbedded = await startEmbeddedServer(newMachine);
    try {
      expect(await fingerprint(restoredEmbedded.url)).toEqual(embeddedData);
    } finally {
      await restoredEmbedded.stop();
    }

    // No embedded database to back up: said plainly, and none is created.
    const nothing = await newFolder();
    const missing = await runCli('db-backup', [join(out, 'none.sujarit-backup.gz')], withEmbedded(nothing));
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('No embedded database');
    expect(existsSync(join(nothing, 'postgres'))).toBe(false);
  }, 300_000);
});
