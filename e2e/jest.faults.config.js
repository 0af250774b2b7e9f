const path = require('node:path');
const swc = require('./jest.swc');

// Light argon2 settings for the demo organizer's password change (here and in the API the test starts, which
// inherits this); honoured only under NODE_ENV=test (apps/api/src/auth/password.ts).
process.env.SUJARIT_TEST_FAST_HASH ??= '1';

/**
 * Fault tests (`npm run test:faults`, after `npm run build`): the built app on a PostgreSQL of the test's own,
 * killed, restarted and cut off mid-test (e2e/faults/faults.spec.ts). Not part of the API tests.
 */
module.exports = {
  displayName: 'faults',
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/faults/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@sujarit/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@sujarit/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sujarit/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  testTimeout: 120000,
  maxWorkers: 1,
  // The suite stops its API, relays and PostgreSQL in afterAll; a socket a killed process left half-closed once kept
  // jest waiting after every test had passed, which in CI would run into its time limit instead of ending.
  forceExit: true,
};
