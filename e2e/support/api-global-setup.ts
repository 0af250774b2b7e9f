import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, TestDatabase } from './test-database';

declare global {
  var __SUJARIT_TEST_DB__: TestDatabase | undefined;
}

const ROOT = join(__dirname, '../..');

/**
 * One template database for the whole API test run, migrated and seeded once; each test file then gets a copy of
 * its own (e2e/support/api-test-environment.ts) and works in organizations of its own there.
 */
export default async function setup(): Promise<void> {
  const template = await createTestDatabase();
  globalThis.__SUJARIT_TEST_DB__ = template;
  // The demo organization is there even when DATABASE_URL names the test server (e2e/api/schema-and-seed.spec.ts).
  process.env.SUJARIT_DEMO = '1';
  try {
    await promisify(execFile)(process.execPath, ['-r', './e2e/support/register-ts.js', './e2e/support/prepare-template.ts', template.url], {
      cwd: ROOT,
      env: process.env,
    });
  } catch (error) {
    await template.dispose();
    throw error;
  }
  process.env.SUJARIT_TEST_TEMPLATE_URL = template.url;
  process.env.SUJARIT_TEST_ADMIN_URL = template.adminUrl;
  // The files' copies are named after the run, so the run's teardown finds any a file left behind.
  process.env.SUJARIT_TEST_FILE_DATABASE_PREFIX = `sujarit_file_${Date.now().toString(36)}`;
  console.log(`\nAPI tests: each file on its own copy of the template, ${template.description}`);
}
