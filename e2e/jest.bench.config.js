const path = require('node:path');
const swc = require('./jest.swc');

/**
 * Benchmarks (`npm run bench`): the built app started as `npm start` runs it, on a fresh database, over real HTTP.
 * The run ends with one table of every figure and its goal (e2e/bench/support/report.ts), also in dist/bench/bench.json.
 */
module.exports = {
  displayName: 'bench',
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/bench/**/*.bench.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@sujarit/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@sujarit/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sujarit/api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  globalSetup: '<rootDir>/e2e/bench/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/bench/support/global-teardown.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
