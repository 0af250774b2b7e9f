import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, type Migration } from 'typeorm';
import { MIGRATIONS_GLOB } from '../migrations-glob';
import {
  BackupFileError,
  type BackupHeader,
  type BackupRecord,
  parseHeader,
  parseTableEnd,
  parseTableStart,
  readRecords,
  unexpectedRecord,
} from './backup-format';
import {
  currentSchema,
  dropSchemaObjects,
  enableTriggerSql,
  listEnabledTriggers,
  listForeignKeys,
  listTables,
  MIGRATIONS_TABLE,
  qualified,
  setCopySessionSettings,
} from './database-catalog';

/** A restore that was refused or failed and changed nothing. The message is in Thai and English, without row contents. */
export class RestoreRefusedError extends BackupFileError {}

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Whether data that was in the database was replaced (`--replace`). */
  replaced: boolean;
}

/** An opened backup whose header has been read and checked; nothing has touched a database yet. */
export interface OpenedBackup {
  header: BackupHeader;
  records: AsyncGenerator<BackupRecord>;
  close(): Promise<void>;
}

export async function openBackup(file: string): Promise<OpenedBackup> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new BackupFileError(`ไม่พบไฟล์ ${file}`, `There is no file ${file}.`);
  });
  // A read error or a gzip error ends the unzipped stream with that error, which readRecords words for people.
  const unzipped = pipeline(handle.createReadStream(), createGunzip(), () => undefined);
  const records = readRecords(unzipped);
  const close = async () => {
    await records.return(undefined).catch(() => undefined);
    unzipped.destroy();
    await handle.close().catch(() => undefined);
  };
  try {
    const first = await records.next();
    return { header: parseHeader(first.done ? undefined : first.value), records, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** TypeORM's migration runner, asked for the app's migrations (in their order) and for one migration at a time. */
class BackupMigrationExecutor extends MigrationExecutor {
  all(): Migration[] {
    return this.getMigrations();
  }
}

/**
 * Restores an opened backup into the database at `url`, in one transaction: a refusal or a failure at any
 * point (a cut-short file, a row PostgreSQL refuses) leaves the database as it was.
 *
 * The database must hold no data unless `replace` is given (then everything of its schema is dropped first).
 * The schema is rebuilt by running exactly the backup's migrations; the app's later migrations run at its next
 * start. Foreign keys are dropped while the rows load and added back after, checking every row; triggers stay
 * off while loading; rows a migration inserted give way to the backup's; sequences get their values back; each
 * table's row count is checked against the header.
 */
export async function restoreBackup(url: string, backup: OpenedBackup, options: { replace: boolean }): Promise<RestoreSummary> {
  const { header, records } = backup;
  const db = new DataSource({
    type: 'postgres',
    url,
    migrations: [MIGRATIONS_GLOB],
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    logging: false,
    extra: { max: 1 },
  });
  await db.initialize();
  const runner = db.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const executor = new BackupMigrationExecutor(db, runner);
    const migrations = migrationsToRun(header, executor.all());
    await setCopySessionSettings(client);
    await refuseUnlessReady(client);
    // An app starting meanwhile waits for the restore before it migrates or seeds.
    await client.query(`SELECT pg_advisory_lock(hashtext('sujarit:migrations'))`);
    await runner.startTransaction();
    try {
      await client.query(`SET LOCAL lock_timeout = '30s'`);
      const replaced = await refuseDataUnlessReplacing(client, options.replace);
      await dropSchemaObjects(client);
      for (const migration of migrations) await executor.executeMigration(migration);
      const schema = await currentSchema(client);
      await copyMigrationHistory(client, schema, header);
      await checkTables(client, header);
      const foreignKeys = await listForeignKeys(client);
      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);
      const triggers = await listEnabledTriggers(client);
      for (const trigger of triggers) {
        await client.query(`ALTER TABLE ${trigger.table} DISABLE TRIGGER ${client.escapeIdentifier(trigger.name)}`);
      }
      if (header.tables.length > 0) {
        // Rows a migration itself inserted are in the backup too, as the source kept them.
        await client.query(`TRUNCATE ${header.tables.map((table) => qualified(schema, table.name)).join(', ')}`);
      }
      await loadRows(client, schema, header, records);
      for (const key of foreignKeys) {
        await client
          .query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`)
          .catch((error: unknown) => {
            throw refusedByDatabase(`foreign key ${key.name} of ${key.table}`, error);
          });
      }
      for (const trigger of triggers) await client.query(enableTriggerSql(trigger));
      await restoreSequences(client, schema, header);
      await checkRowCounts(client, schema, header);
      await runner.commitTransaction();
      return {
        header,
        tables: header.tables.length,
        rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
        replaced,
      };
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  }
}

async function restoreSequences(client: PoolClient, schema: string, header: BackupHeader): Promise<void> {
  for (const sequence of header.sequences) {
    await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
      qualified(schema, sequence.name),
      sequence.lastValue,
      sequence.isCalled,
    ]);
  }
}

/** Every table holds exactly the rows the backup counted in its snapshot; then its statistics are fresh. */
async function checkRowCounts(client: PoolClient, schema: string, header: BackupHeader): Promise<void> {
  for (const table of header.tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(schema, table.name)}`);
    if (Number(rows[0].n) !== table.rows) {
      throw new RestoreRefusedError(
        `ตาราง ${table.name} มี ${rows[0].n} แถวหลังกู้คืน แต่ไฟล์บันทึกไว้ ${table.rows} แถว: ไม่ได้กู้คืน`,
        `Table ${table.name} holds ${rows[0].n} rows after loading where the backup recorded ${table.rows}: nothing was restored.`,
      );
    }
    await client.query(`ANALYZE ${qualified(schema, table.name)}`);
  }
}

/** The app's migrations that the backup had applied, in the app's order; refuses a backup from a newer app. */
function migrationsToRun(header: BackupHeader, known: Migration[]): Migration[] {
  const knownNames = new Set(known.map((migration) => migration.name));
  const unknown = header.migrations.filter((migration) => !knownNames.has(migration.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `ไฟล์นี้สำรองจากสุจริตรุ่นที่ใหม่กว่า (${header.appVersion}) ซึ่งมีโครงสร้าง ${unknown.join(', ')} ที่รุ่นนี้ไม่รู้จัก: ปรับรุ่นสุจริตก่อนกู้คืน`,
      `This backup comes from a newer Sujarit (${header.appVersion}) with migrations this version does not know (${unknown.join(', ')}): update Sujarit before restoring.`,
    );
  }
  const wanted = new Set(header.migrations.map((migration) => migration.name));
  return known.filter((migration) => wanted.has(migration.name));
}

async function refuseUnlessReady(client: PoolClient): Promise<void> {
  const encoding = await client.query<{ encoding: string }>(`SELECT current_setting('server_encoding') AS encoding`);
  if (encoding.rows[0].encoding !== 'UTF8') {
    const name = encoding.rows[0].encoding;
    throw new RestoreRefusedError(
      `ฐานข้อมูลปลายทางใช้การเข้ารหัส ${name} ซึ่งเก็บอักษรไทยไม่ได้: สร้างฐานข้อมูลใหม่ด้วย ENCODING 'UTF8'`,
      `The target database uses the ${name} encoding, which cannot hold Thai text: create it with ENCODING 'UTF8'.`,
    );
  }
  // A server takes a moment to end the connections of an app that has just stopped.
  let others = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const { rows } = await client.query<{ others: number }>(
      `SELECT count(*)::int AS others FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    others = rows[0].others;
    if (others === 0) return;
  }
  throw new RestoreRefusedError(
    `มีโปรแกรมอื่นเชื่อมต่อฐานข้อมูลนี้อยู่ ${others} การเชื่อมต่อ (สุจริตยังทำงานอยู่หรือไม่): หยุดก่อนแล้วจึงกู้คืน ไม่ได้เปลี่ยนแปลงอะไร`,
    `${others} other connection(s) are using this database (is Sujarit still running?): stop them first. Nothing was changed.`,
  );
}

/** Refuses a database holding rows, unless replacing; says whether there was data. */
async function refuseDataUnlessReplacing(client: PoolClient, replace: boolean): Promise<boolean> {
  const schema = await currentSchema(client);
  const withData: string[] = [];
  for (const table of await listTables(client)) {
    if (table.name === MIGRATIONS_TABLE) continue;
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified(schema, table.name)}) AS any`);
    if (rows[0].any) withData.push(table.name);
  }
  if (withData.length > 0 && !replace) {
    const names = withData.slice(0, 5).join(', ') + (withData.length > 5 ? ', …' : '');
    throw new RestoreRefusedError(
      `ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว (${names}): ไม่ได้กู้คืนและไม่ได้เปลี่ยนแปลงอะไร\n` +
        'ถ้าต้องการลบข้อมูลเดิมทั้งหมดแล้วแทนที่ด้วยข้อมูลในไฟล์ ให้สั่งใหม่พร้อม --replace (npm run db:restore -- ไฟล์ --replace)',
      `The target database already holds data (${names}): nothing was restored or changed.\n` +
        'To delete all of it and put the backup in its place, run again with --replace (npm run db:restore -- FILE --replace).',
    );
  }
  return withData.length > 0;
}

/** The migrations table as the source had it (same ids), so the app's history of its schema is the same. */
async function copyMigrationHistory(client: PoolClient, schema: string, header: BackupHeader): Promise<void> {
  const table = qualified(schema, MIGRATIONS_TABLE);
  await client.query(`DELETE FROM ${table}`);
  for (const migration of header.migrations) {
    await client.query(`INSERT INTO ${table} (id, "timestamp", name) VALUES ($1, $2, $3)`, [
      migration.id,
      migration.timestamp,
      migration.name,
    ]);
  }
}

/** The migrations must have made exactly the backup's tables and columns; otherwise nothing is loaded. */
async function checkTables(client: PoolClient, header: BackupHeader): Promise<void> {
  const made = new Map(
    (await listTables(client)).filter((t) => t.name !== MIGRATIONS_TABLE).map((t) => [t.name, [...t.columns].sort()]),
  );
  const problems: string[] = [];
  for (const table of header.tables) {
    const columns = made.get(table.name);
    if (!columns) problems.push(`${table.name} (not made by the migrations)`);
    else if (columns.join() !== [...table.columns].sort().join()) problems.push(`${table.name} (other columns)`);
    made.delete(table.name);
  }
  for (const name of made.keys()) problems.push(`${name} (not in the backup)`);
  if (problems.length > 0) {
    throw new RestoreRefusedError(
      `โครงสร้างตารางในไฟล์ไม่ตรงกับที่ migrations ของสุจริตสร้าง: ${problems.join(', ')} ไม่ได้กู้คืน`,
      `The backup's tables do not match what Sujarit's migrations make: ${problems.join(', ')}. Nothing was restored.`,
    );
  }
}

async function loadRows(
  client: PoolClient,
  schema: string,
  header: BackupHeader,
  records: AsyncGenerator<BackupRecord>,
): Promise<void> {
  for (const table of header.tables) {
    const start = await records.next();
    if (start.done || start.value.type !== 'T' || parseTableStart(start.value) !== table.name) {
      throw unexpectedRecord(`the rows of ${table.name}`);
    }
    const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(', ');
    const copy = client.query(copyFrom(`COPY ${qualified(schema, table.name)} (${columns}) FROM STDIN`));
    let endedWith: number | undefined;
    async function* tableData(): AsyncGenerator<Buffer> {
      for (;;) {
        const next = await records.next();
        if (next.done) throw unexpectedRecord(`the end of ${table.name}`);
        if (next.value.type === 'D') yield next.value.payload;
        else if (next.value.type === 'E') {
          endedWith = parseTableEnd(next.value);
          return;
        } else throw unexpectedRecord(`the rows of ${table.name}`);
      }
    }
    try {
      await pipelineAsync(Readable.from(tableData()), copy);
    } catch (error) {
      throw refusedByDatabase(`the rows of table ${table.name}`, error);
    }
    if (endedWith !== table.rows || copy.rowCount !== table.rows) {
      throw unexpectedRecord(`${table.rows} rows in ${table.name}`);
    }
  }
  const end = await records.next();
  if (end.done || end.value.type !== 'Z') throw unexpectedRecord('the end of the backup');
  // Reading on checks the gzip checksum and that nothing follows.
  const after = await records.next();
  if (!after.done) throw unexpectedRecord('nothing after the end');
}

/**
 * PostgreSQL's words for a refused row can quote the row (a name, an email), so only the table, the constraint
 * and the error code are passed on. File errors (cut short, damaged) pass unchanged.
 */
function refusedByDatabase(what: string, error: unknown): unknown {
  if (error instanceof BackupFileError) return error;
  const pgError = error as { code?: unknown; constraint?: unknown };
  if (typeof pgError.code !== 'string') return error;
  const constraint = typeof pgError.constraint === 'string' ? `, constraint ${pgError.constraint}` : '';
  return new RestoreRefusedError(
    `PostgreSQL ไม่รับ ${what} (รหัส ${pgError.code}${constraint}): ไม่ได้กู้คืนและไม่ได้เปลี่ยนแปลงอะไร`,
    `PostgreSQL refused ${what} (SQLSTATE ${pgError.code}${constraint}): nothing was restored or changed.`,
  );
}
