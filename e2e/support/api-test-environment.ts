import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { createDatabaseFromTemplate, TestDatabase } from './test-database';

/**
 * Each API test file in a database of its own, copied from the run's template before the file starts and
 * dropped after its last hook (its apps closed by then), so no file sees another's rows.
 */
export default class ApiTestEnvironment extends TestEnvironment {
  private database: TestDatabase | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
  }

  override async setup(): Promise<void> {
    await super.setup();
    const url = process.env.SUJARIT_TEST_TEMPLATE_URL;
    const adminUrl = process.env.SUJARIT_TEST_ADMIN_URL;
    const prefix = process.env.SUJARIT_TEST_FILE_DATABASE_PREFIX;
    if (!url || !adminUrl || !prefix) throw new Error('No template database: run through e2e/jest.api.config.js');
    this.database = await createDatabaseFromTemplate({ url, adminUrl }, prefix);
    (this.global.process as NodeJS.Process).env.SUJARIT_TEST_DATABASE_URL = this.database.url;
  }

  override async teardown(): Promise<void> {
    // Not awaited: the worker takes its next file while the server drops this one's copy. One a worker leaves
    // unfinished at the end of the run, global teardown drops (dropDatabasesStartingWith).
    this.database?.dispose().catch(() => undefined);
    await super.teardown();
  }
}
