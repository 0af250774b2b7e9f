import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { resolveDatabaseForTool } from '../database.config';
import { count, runCommand, say, thaiDateTime, UsageError } from './cli';
import { openBackup, restoreBackup } from './restore-backup';

/**
 * `npm run db:restore -- FILE [--replace]`: restores a backup into DATABASE_URL's database, or into the embedded
 * one. The file is checked before any database is touched; the database must hold no data unless --replace.
 */
async function restore(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { replace: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    throw new UsageError('ใช้: npm run db:restore -- ไฟล์ [--replace]', 'Usage: npm run db:restore -- FILE [--replace]');
  }
  const backup = await openBackup(positionals[0]);
  const { header } = backup;
  const rows = count(header.tables.reduce((sum, table) => sum + table.rows, 0));
  say(
    `ไฟล์สำรองเมื่อ ${thaiDateTime(header.createdAt)} จากสุจริต ${header.appVersion} บน PostgreSQL ${header.server.version}: ${count(header.tables.length)} ตาราง ${rows} แถว`,
    `Backup of ${header.createdAt} from Sujarit ${header.appVersion} on PostgreSQL ${header.server.version}: ${count(header.tables.length)} tables, ${rows} rows`,
  );
  try {
    const target = await resolveDatabaseForTool({ mustExist: false });
    console.log(`ฐานข้อมูลปลายทาง / Target database: ${target.description}`);
    if (target.alreadyRunning) {
      // Its server runs only beside the app (an idle app holds no connection the restore could see).
      throw new UsageError(
        'ฐานข้อมูลในเครื่องกำลังทำงานอยู่กับสุจริต (npm start): หยุดสุจริตก่อน (Ctrl+C) แล้วจึงกู้คืน ไม่ได้เปลี่ยนแปลงอะไร',
        'The embedded database is running with Sujarit (npm start): stop Sujarit first (Ctrl+C), then restore. Nothing was changed.',
      );
    }
    try {
      const summary = await restoreBackup(target.url, backup, { replace: values.replace });
      say(
        `กู้คืนเสร็จ: ${count(summary.tables)} ตาราง ${count(summary.rows)} แถว${summary.replaced ? ' (แทนที่ข้อมูลเดิมแล้ว)' : ''} เริ่มสุจริตบนฐานข้อมูลนี้ได้เลย`,
        `Restore done: ${count(summary.tables)} tables, ${count(summary.rows)} rows${summary.replaced ? ' (the data that was there is replaced)' : ''}. Sujarit can start on this database now.`,
      );
    } finally {
      await target.stop?.();
    }
  } finally {
    await backup.close();
  }
}

runCommand(restore);
