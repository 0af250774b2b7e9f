import { z } from 'zod';

/**
 * A Sujarit backup file: gzip of the magic line, then records (1 type byte, 4-byte big-endian length, payload):
 *   H  the header (JSON, below)
 *   T  a table starts (JSON: its name), in the header's order
 *   D  a piece of that table's rows in PostgreSQL's COPY text format, at most MAX_DATA_RECORD bytes
 *   E  the table ends (JSON: the rows COPY wrote)
 *   Z  the end of the backup; anything missing before it means the file is cut short
 * COPY text is the same on PostgreSQL 15 and 18, so a backup moves between versions.
 */
export const BACKUP_MAGIC = Buffer.from('SUJARIT-BACKUP\n', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_SUFFIX = '.sujarit-backup.gz';

export type RecordType = 'H' | 'T' | 'D' | 'E' | 'Z';
const RECORD_TYPES: readonly string[] = ['H', 'T', 'D', 'E', 'Z'];

/** Rows are written in pieces of at most this size, so reading one never needs more memory. */
export const MAX_DATA_RECORD = 1024 * 1024;
/** The header and the small records; anything longer is a damaged or foreign file. */
const MAX_RECORD = 8 * 1024 * 1024;

export const backupHeaderSchema = z.object({
  format: z.literal('sujarit-backup'),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  server: z.object({ version: z.string(), encoding: z.string() }),
  /** The schema the tables were in (PostgreSQL's current_schema, normally `public`). */
  schema: z.string(),
  /** The source's TypeORM `migrations` table: the schema the rows belong to. */
  migrations: z.array(z.object({ id: z.number().int(), timestamp: z.number().int(), name: z.string().min(1) })),
  /** Every other table of the schema, in the order its rows follow, with the row count of the snapshot. */
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().nonnegative() }),
  ),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const tableStartSchema = z.object({ table: z.string() });
const tableEndSchema = z.object({ rows: z.number().int().nonnegative() });

/** A file that is not a whole Sujarit backup. The message says so in Thai and English, never with row contents. */
export class BackupFileError extends Error {
  constructor(
    readonly thai: string,
    english: string,
  ) {
    super(english);
  }
}

const notABackup = () =>
  new BackupFileError('ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของสุจริต', 'This file is not a Sujarit backup.');
const damaged = (detail: string) =>
  new BackupFileError(
    `ไฟล์สำรองข้อมูลไม่สมบูรณ์หรือเสียหาย (${detail})`,
    `The backup file is incomplete or damaged (${detail}).`,
  );

export function encodeRecord(type: RecordType, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

export function jsonRecord(type: RecordType, value: unknown): Buffer {
  return encodeRecord(type, Buffer.from(JSON.stringify(value), 'utf8'));
}

export interface BackupRecord {
  type: RecordType;
  payload: Buffer;
}

/** Bytes as they arrive, taken out in exact lengths without copying more than what is taken. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(count: number): Buffer {
    const parts: Buffer[] = [];
    let needed = count;
    while (needed > 0) {
      const first = this.chunks[0];
      if (first.length <= needed) {
        parts.push(first);
        this.chunks.shift();
        needed -= first.length;
      } else {
        parts.push(first.subarray(0, needed));
        this.chunks[0] = first.subarray(needed);
        needed = 0;
      }
    }
    this.length -= count;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, count);
  }

  peekByte(offset: number): number {
    let index = offset;
    for (const chunk of this.chunks) {
      if (index < chunk.length) return chunk[index];
      index -= chunk.length;
    }
    throw new RangeError('peek past the end');
  }
}

/**
 * The records of an unzipped backup stream, holding at most one record in memory.
 * Ends only after the `Z` record and the end of the stream; a cut-short or foreign stream throws BackupFileError.
 */
export async function* readRecords(unzipped: AsyncIterable<Buffer>): AsyncGenerator<BackupRecord> {
  const queue = new ByteQueue();
  let magicSeen = false;
  let ended = false;
  let need = BACKUP_MAGIC.length;
  try {
    for await (const chunk of unzipped) {
      queue.push(chunk);
      while (queue.length >= need) {
        if (!magicSeen) {
          if (!queue.take(BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw notABackup();
          magicSeen = true;
          need = 5;
          continue;
        }
        if (ended) throw damaged('data after the end record');
        const type = String.fromCharCode(queue.peekByte(0));
        const length =
          ((queue.peekByte(1) << 24) >>> 0) + (queue.peekByte(2) << 16) + (queue.peekByte(3) << 8) + queue.peekByte(4);
        if (!RECORD_TYPES.includes(type) || length > MAX_RECORD) throw damaged('unknown record');
        if (queue.length < 5 + length) {
          need = 5 + length;
          break;
        }
        queue.take(5);
        const payload = queue.take(length);
        need = 5;
        if (type === 'Z') ended = true;
        yield { type: type as RecordType, payload };
      }
    }
  } catch (error) {
    throw asFileError(error, magicSeen);
  }
  if (!magicSeen) throw notABackup();
  if (!ended || queue.length > 0) throw damaged('the file ends too early');
}

/** zlib's own errors (not gzip, cut short, bad checksum) in the person's words. */
function asFileError(error: unknown, magicSeen: boolean): unknown {
  if (error instanceof BackupFileError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'Z_BUF_ERROR') return damaged('the file ends too early');
  if (typeof code === 'string' && code.startsWith('Z_')) return magicSeen ? damaged('compressed data or checksum wrong') : notABackup();
  return error;
}

export function parseHeader(record: BackupRecord | undefined): BackupHeader {
  if (!record || record.type !== 'H') throw notABackup();
  const parsed = backupHeaderSchema.safeParse(parseJson(record.payload));
  if (!parsed.success) throw notABackup();
  if (parsed.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      `ไฟล์สำรองข้อมูลรูปแบบที่ ${parsed.data.formatVersion} ใหม่กว่าที่สุจริตรุ่นนี้อ่านได้ (รูปแบบที่ ${BACKUP_FORMAT_VERSION}): ปรับรุ่นสุจริตก่อน`,
      `The backup is in format ${parsed.data.formatVersion}; this version of Sujarit reads format ${BACKUP_FORMAT_VERSION}: update Sujarit first.`,
    );
  }
  return parsed.data;
}

export function parseTableStart(record: BackupRecord): string {
  const parsed = tableStartSchema.safeParse(parseJson(record.payload));
  if (!parsed.success) throw damaged('bad table record');
  return parsed.data.table;
}

export function parseTableEnd(record: BackupRecord): number {
  const parsed = tableEndSchema.safeParse(parseJson(record.payload));
  if (!parsed.success) throw damaged('bad table end record');
  return parsed.data.rows;
}

export function unexpectedRecord(expected: string): BackupFileError {
  return damaged(`expected ${expected}`);
}

function parseJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
}
