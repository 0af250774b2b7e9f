import { resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseTarget {
  url: string;
  /** Said in the start log: which database is in use and where. */
  description: string;
  stop?: () => Promise<void>;
}

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL with its data in `.data/postgres`. */
export async function resolveDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, description: `PostgreSQL from DATABASE_URL (${redact(env.DATABASE_URL)})` };
  }
  const dataDir = resolve(env.SUJARIT_DATA_DIR ?? '.data', 'postgres');
  const pg = await startEmbeddedPostgres({ dataDir, database: 'sujarit', persistent: true, preferredPort: 54329 });
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
