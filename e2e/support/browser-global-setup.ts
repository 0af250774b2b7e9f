import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chooseDemoPassword } from './demo-accounts';
import { createTestDatabase, TestDatabase } from './test-database';

declare global {
  var __SUJARIT_BROWSER__: { db: TestDatabase; server: ChildProcess } | undefined;
}

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');

/** Starts the built app, as `npm start` runs it, on a fresh database and a free port. */
export default async function setup(): Promise<void> {
  if (!existsSync(MAIN) || !existsSync(join(ROOT, 'dist/web/index.html'))) {
    throw new Error('The app is not built: run `npm run build` first (npm test does).');
  }
  const db = await createTestDatabase();
  const port = await freePort();
  // The same server under another name than the one the tests browse: a join link or QR code that reads
  // PUBLIC_URL is told apart from one built from the page's own address.
  const publicUrl = `http://localhost:${port}`;
  const server = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    // A real server (DATABASE_URL) starts empty unless asked for the demo, which the tests sign in as.
    // SUJARIT_TEST_CLOCK: deadlines are passed by moving the server's clock (POST /api/test/clock), not by waiting.
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      SUJARIT_DEMO: '1',
      PORT: String(port),
      NODE_ENV: 'test',
      PUBLIC_URL: publicUrl,
      SUJARIT_TEST_CLOCK: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(baseUrl, server, output);
    // The demo accounts must choose new passwords at their first sign-in; the organizer and manager do so once here.
    await chooseDemoPassword(baseUrl, 'organizer');
    await chooseDemoPassword(baseUrl, 'manager');
  } catch (error) {
    server.kill();
    await db.dispose();
    throw error;
  }
  globalThis.__SUJARIT_BROWSER__ = { db, server };
  process.env.SUJARIT_BASE_URL = baseUrl;
  process.env.SUJARIT_PUBLIC_URL = publicUrl;
  // Lets a test read what only the server knows (answer keys) to play a trainee who studied.
  process.env.SUJARIT_TEST_DATABASE_URL = db.url;
  // Lets the benchmark read the server's memory.
  process.env.SUJARIT_SERVER_PID = String(server.pid);
  console.log(`\nBrowser tests against ${baseUrl} on ${db.description}`);
}

export async function waitUntilUp(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited (${server.exitCode}):\n${output.join('')}`);
    try {
      if ((await statusOf(`${baseUrl}/api/auth/me`)) === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`The app did not start within 60 s:\n${output.join('')}`);
}

/** One request without keep-alive, so no pooled socket outlives the run. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
