import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client, type ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Clock } from '../../common/clock';
import {
  BACKUP_FORMAT_VERSION,
  BackupFileError,
  type BackupHeader,
  encodeRecord,
  jsonRecord,
  MAX_DATA_RECORD,
  BACKUP_MAGIC,
} from './backup-format';
import {
  currentSchema,
  listSequences,
  listTables,
  MIGRATIONS_TABLE,
  qualified,
  setCopySessionSettings,
  type TableShape,
} from './database-catalog';

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
}

/** Rows are gathered into records of about this size before they are compressed. */
const BATCH_BYTES = 256 * 1024;

/**
 * Writes a backup of the database at `url` to `file` (which must not exist yet), readable by its owner only.
 * Every table is read in one snapshot (REPEATABLE READ, read only), while the app goes on serving; the
 * migrations' advisory lock (shared) keeps the schema from changing meanwhile. Memory stays bounded: rows
 * stream from COPY through gzip to the disk. The file appears under its name only when it is complete.
 */
export async function createBackup(url: string, file: string, appVersion: string, clock = new Clock()): Promise<BackupSummary> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const partial = partialFileOf(file);
  let written = false;
  try {
    await setCopySessionSettings(client);
    await client.query(`SELECT pg_advisory_lock_shared(hashtext('sujarit:migrations'))`);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { header, tables } = await readHeader(client, appVersion, clock.now());
    const output = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    await once(output, 'open');
    written = true;
    await pipeline(Readable.from(backupRecords(client, header, tables)), createGzip(), output);
    await client.query('COMMIT');
    // The mode given at creation is narrowed by umask only; set it exactly all the same.
    await chmod(partial, 0o600);
    await rename(partial, file);
    written = false;
    return {
      file,
      bytes: (await stat(file)).size,
      tables: header.tables.length,
      rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
    };
  } finally {
    if (written) await rm(partial, { force: true });
    await client.end().catch(() => undefined);
  }
}

/** Where this process writes a backup until it is complete. */
export function partialFileOf(file: string): string {
  return `${file}.${process.pid}.part`;
}

async function readHeader(client: ClientBase, appVersion: string, now: Date): Promise<{ header: BackupHeader; tables: TableShape[] }> {
  const schema = await currentSchema(client);
  const all = await listTables(client);
  if (!all.some((table) => table.name === MIGRATIONS_TABLE)) {
    throw new BackupFileError(
      'ฐานข้อมูลนี้ยังไม่มีโครงสร้างของสุจริต (ไม่มีตาราง migrations): ไม่มีอะไรให้สำรอง',
      'This database has no Sujarit schema (no migrations table): there is nothing to back up.',
    );
  }
  const tables = all.filter((table) => table.name !== MIGRATIONS_TABLE);
  for (const table of tables) {
    // Locks out TRUNCATE and schema changes (not MVCC-safe) until the snapshot is written; reads and writes go on.
    await client.query(`LOCK TABLE ${qualified(schema, table.name)} IN ACCESS SHARE MODE`);
  }
  const migrations = await client.query<{ id: number; timestamp: string; name: string }>(
    `SELECT id, "timestamp"::text AS "timestamp", name FROM ${qualified(schema, MIGRATIONS_TABLE)} ORDER BY id`,
  );
  const counted: BackupHeader['tables'] = [];
  for (const table of tables) {
    if (table.columns.length === 0) throw new Error(`Table ${table.name} has no stored columns to back up.`);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(schema, table.name)}`);
    counted.push({ name: table.name, columns: table.columns, rows: Number(rows[0].n) });
  }
  const sequences: BackupHeader['sequences'] = [];
  for (const name of await listSequences(client)) {
    // A sequence is outside the snapshot: its value now is at least every value the snapshot's rows hold.
    const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(schema, name)}`,
    );
    sequences.push({ name, ...rows[0] });
  }
  const server = await client.query<{ version: string; encoding: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('server_encoding') AS encoding`,
  );
  const header: BackupHeader = {
    format: 'sujarit-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion,
    createdAt: now.toISOString(),
    server: server.rows[0],
    schema,
    migrations: migrations.rows.map((m) => ({ id: m.id, timestamp: Number(m.timestamp), name: m.name })),
    tables: counted,
    sequences,
  };
  return { header, tables };
}

async function* backupRecords(client: ClientBase, header: BackupHeader, tables: TableShape[]): AsyncGenerator<Buffer> {
  yield BACKUP_MAGIC;
  yield jsonRecord('H', header);
  for (const [index, table] of tables.entries()) {
    yield jsonRecord('T', { table: table.name });
    const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(', ');
    const copy = client.query(
      copyTo(`COPY (SELECT ${columns} FROM ${qualified(header.schema, table.name)}) TO STDOUT`),
    );
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BATCH_BYTES) {
        yield* dataRecords(Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pendingBytes > 0) yield* dataRecords(Buffer.concat(pending, pendingBytes));
    const expected = header.tables[index].rows;
    if (copy.rowCount !== expected) {
      throw new Error(`Table ${table.name} gave ${copy.rowCount} rows where the snapshot counted ${expected}.`);
    }
    yield jsonRecord('E', { rows: copy.rowCount });
  }
  yield jsonRecord('Z', {});
}

function* dataRecords(bytes: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += MAX_DATA_RECORD) {
    yield encodeRecord('D', bytes.subarray(offset, offset + MAX_DATA_RECORD));
  }
}
