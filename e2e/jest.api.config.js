const path = require('node:path');
const swc = require('./jest.swc');

// No sweeper on a timer: a test moves its clock and then sweeps by hand (AttemptsService.finishOverdue, one
// organization), so when an overdue attempt is finished is the test's to say.
process.env.SUJARIT_SWEEP_INTERVAL_MS ??= '0';
// Light argon2 settings for the hundreds of accounts the suite makes; honoured only under NODE_ENV=test (auth.password).
process.env.SUJARIT_TEST_FAST_HASH ??= '1';

/** API tests: the real Nest app over real HTTP (supertest) on a real PostgreSQL. */
module.exports = {
  displayName: 'api',
  rootDir: path.join(__dirname, '..'),
  // A database of its own per test file, copied from a template migrated once (e2e/support/api-global-setup.ts).
  testEnvironment: '<rootDir>/e2e/support/api-test-environment.ts',
  testMatch: ['<rootDir>/e2e/api/**/*.spec.ts', '<rootDir>/e2e/workspace/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@sujarit/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@sujarit/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sujarit/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  globalSetup: '<rootDir>/e2e/support/api-global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/api-global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
