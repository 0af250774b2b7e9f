const path = require('node:path');
const swc = require('./jest.swc');

// Light argon2 settings for the accounts the tests make (here and in the server they start, which inherits this);
// honoured only under NODE_ENV=test (apps/api/src/auth/password.ts).
process.env.SUJARIT_TEST_FAST_HASH ??= '1';

/** Browser tests: the built app started as `npm start` runs it, driven in Debian's Chromium. */
module.exports = {
  displayName: 'browser',
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/browser/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@sujarit/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@sujarit/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sujarit/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  globalSetup: '<rootDir>/e2e/support/browser-global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/browser-global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
