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

// The shared libraries from their sources too (as jest's moduleNameMapper does), not from a build that may be stale.
const Module = require('node:module');
const { join } = require('node:path');
const LIBRARIES = {
  '@sujarit/contracts': join(__dirname, '../../libs/contracts/src/index.ts'),
  '@sujarit/domain': join(__dirname, '../../libs/domain/src/index.ts'),
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, LIBRARIES[request] ?? request, ...rest);
};
