import { dropDatabasesStartingWith } from './test-database';

export default async function teardown(): Promise<void> {
  const template = globalThis.__SUJARIT_TEST_DB__;
  if (!template) return;
  const prefix = process.env.SUJARIT_TEST_FILE_DATABASE_PREFIX;
  if (prefix) await dropDatabasesStartingWith(template.adminUrl, `${prefix}_`);
  await template.dispose();
}
