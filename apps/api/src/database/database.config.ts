import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

const EMBEDDED_DATABASE = 'sujarit';

export interface DatabaseTarget {
  url: string;
  /** Said in the start log: which database is in use and where. */
  description: string;
  stop?: () => Promise<void>;
  /** The embedded server was already running on its data folder (under `npm start`), not started for this. */
  alreadyRunning?: boolean;
}

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL with its data in `.data/postgres`. */
export async function resolveDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return fromDatabaseUrl(env.DATABASE_URL);
  const dataDir = embeddedDataDir(env);
  const pg = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE, persistent: true, preferredPort: 54329 });
  return {
    url: pg.url,
    description: `embedded PostgreSQL on 127.0.0.1:${pg.port}, data in ${pg.dataDir}`,
    stop: pg.stop,
  };
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * For command-line tools (backup, restore) that may run beside the app: `DATABASE_URL` when set; otherwise the
 * embedded database, through the server the app already runs on its data folder if it is up, else a server
 * started here and stopped by `stop`. With `mustExist`, a missing embedded database is an error, not created.
 */
export async function resolveDatabaseForTool(
  options: { mustExist: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return fromDatabaseUrl(env.DATABASE_URL);
  const dataDir = embeddedDataDir(env);
  const running = await findRunningEmbeddedPostgres(dataDir, EMBEDDED_DATABASE);
  if (running) {
    return {
      url: running.url,
      description: `embedded PostgreSQL on 127.0.0.1:${running.port} (already running, process ${running.pid}), data in ${dataDir}`,
      alreadyRunning: true,
    };
  }
  if (options.mustExist && !existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `ไม่พบฐานข้อมูลในเครื่องที่ ${dataDir} (ตั้ง DATABASE_URL ถ้าใช้เซิร์ฟเวอร์ PostgreSQL)\n` +
        `No embedded database in ${dataDir} (set DATABASE_URL to use a PostgreSQL server).`,
    );
  }
  try {
    return await resolveDatabase({ ...env, DATABASE_URL: '' });
  } catch (error) {
    // The app may have started its server on the folder meanwhile: PostgreSQL refused a second one; use the app's.
    const startedMeanwhile = await findRunningEmbeddedPostgres(dataDir, EMBEDDED_DATABASE);
    if (!startedMeanwhile) throw error;
    return {
      url: startedMeanwhile.url,
      description: `embedded PostgreSQL on 127.0.0.1:${startedMeanwhile.port} (already running, process ${startedMeanwhile.pid}), data in ${dataDir}`,
      alreadyRunning: true,
    };
  }
}

function embeddedDataDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.SUJARIT_DATA_DIR ?? '.data', 'postgres');
}

function fromDatabaseUrl(url: string): DatabaseTarget {
  return { url, description: `PostgreSQL from DATABASE_URL (${redact(url)})` };
}
