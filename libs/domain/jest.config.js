/** Unit tests of the pure domain logic. */
module.exports = {
  displayName: 'domain',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // The contracts' sources, as the apps' tests read them: the domain uses their types and the full-credit rule.
  moduleNameMapper: { '^@sujarit/contracts$': '<rootDir>/../contracts/src/index.ts' },
};
