/**
 * `node -r ./e2e/support/register-ts.js some.ts`: runs the app's TypeScript sources in a child process, compiled
 * by swc as jest compiles them, so a test can run a command-line tool (db:backup, db:restore) as its own process
 * from the current sources, without a build.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const options = require('../jest.swc');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
