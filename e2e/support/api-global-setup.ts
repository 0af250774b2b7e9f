import { createTestDatabase, TestDatabase } from './test-database';

declare global {
  var __SUJARIT_TEST_DB__: TestDatabase | undefined;
}

/** One fresh database for the whole API test run; each test file then works in organizations of its own. */
export default async function setup(): Promise<void> {
  const db = await createTestDatabase();
  globalThis.__SUJARIT_TEST_DB__ = db;
  process.env.SUJARIT_TEST_DATABASE_URL = db.url;
  // The demo organization is there even when DATABASE_URL names the test server (e2e/api/schema-and-seed.spec.ts).
  process.env.SUJARIT_DEMO = '1';
  console.log(`\nAPI tests on ${db.description}`);
}
