import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntilUp } from '../../support/browser-global-setup';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');

/** The built app, started as `npm start` runs it, that the fault test can kill and start again on the same port. */
export class ApiProcess {
  private child: ChildProcess | undefined;
  private output: string[] = [];

  constructor(
    private readonly options: { databaseUrl: string; port: number },
  ) {
    if (!existsSync(MAIN)) throw new Error('The app is not built: run `npm run build` first (npm test does).');
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process runs (it has neither exited nor been killed). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the app printed, for a failure's message. */
  get log(): string {
    return this.output.join('');
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: this.options.databaseUrl,
        SUJARIT_DEMO: '1',
        PORT: String(this.options.port),
        NODE_ENV: 'test',
        SUJARIT_TEST_CLOCK: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = this.child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    await waitUntilUp(this.baseUrl, child, this.output);
  }

  /** Rejects when the running process ends (a crash, when the test did not end it). */
  crash(): Promise<never> {
    const child = this.child;
    if (!child || !this.running) return Promise.reject(new Error('the API is not running'));
    return new Promise((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`The API process ended (${signal ?? code})`))),
    );
  }

  /** SIGKILL: no shutdown hook runs, every open request and transaction is cut where it stands. */
  async kill(): Promise<{ signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || !this.running) throw new Error('the API is not running');
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    return { signal: await exited };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    if (this.running) child.kill('SIGKILL');
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
}
