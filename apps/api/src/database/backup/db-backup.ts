import { rmSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Clock } from '../../common/clock';
import { resolveDatabaseForTool } from '../database.config';
import { BACKUP_FILE_SUFFIX } from './backup-format';
import { appVersion, backupBaseName, count, runCommand, say, size, UsageError } from './cli';
import { createBackup, partialFileOf } from './create-backup';

/**
 * `npm run db:backup [FILE or FOLDER]`: a backup of DATABASE_URL's database, or of the embedded one (through the
 * app's running server when `npm start` has it up). Default: backups/sujarit-<BE date>-<Bangkok time>.sujarit-backup.gz
 */
async function backup(): Promise<void> {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} });
  if (positionals.length > 1) {
    throw new UsageError('ใช้: npm run db:backup [ไฟล์หรือโฟลเดอร์]', 'Usage: npm run db:backup [FILE or FOLDER]');
  }
  const file = await backupFile(positionals[0]);
  // A backup stopped halfway (Ctrl-C) leaves no partial file behind.
  process.on('exit', () => rmSync(partialFileOf(file), { force: true }));
  const target = await resolveDatabaseForTool({ mustExist: true });
  console.log(`ฐานข้อมูล / Database: ${target.description}`);
  let summary;
  try {
    summary = await createBackup(target.url, file, appVersion());
  } finally {
    await target.stop?.();
  }
  const what = `${summary.file} (${count(summary.tables)} tables, ${count(summary.rows)} rows, ${size(summary.bytes)})`;
  say(`สำรองข้อมูลเสร็จ: ${summary.file} (${count(summary.tables)} ตาราง ${count(summary.rows)} แถว ${size(summary.bytes)})`, `Backup done: ${what}`);
  say(
    'ไฟล์นี้มีข้อมูลส่วนบุคคลของผู้เข้าอบรม (รวมถึงเด็กและเยาวชน) อ่านได้เฉพาะผู้ใช้นี้: เก็บไว้ในที่ปลอดภัย อย่าส่งต่อ',
    "This file holds trainees' personal data (minors' too) and is readable by this user only: keep it safe, do not pass it around.",
  );
}

/** The path to write: a new file, never over an existing one; a folder gets the default name inside it. */
async function backupFile(given: string | undefined): Promise<string> {
  const name = `${backupBaseName(new Clock().now())}${BACKUP_FILE_SUFFIX}`;
  if (!given) {
    await mkdir('backups', { recursive: true, mode: 0o700 });
    return join('backups', name);
  }
  const existing = await stat(given).catch(() => undefined);
  if (existing?.isDirectory()) return join(given, name);
  if (existing) {
    throw new UsageError(`มีไฟล์ ${given} อยู่แล้ว: ไม่เขียนทับ ตั้งชื่ออื่น`, `${given} already exists: it is not overwritten; choose another name.`);
  }
  await mkdir(dirname(resolve(given)), { recursive: true, mode: 0o700 });
  return given;
}

runCommand(backup);
