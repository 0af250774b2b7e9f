/**
 * `node -r ./e2e/support/register-ts.js some.ts`: runs the app's TypeScript sources in a child process, compiled
 * by swc as jest compiles them, so a test can run a command-line tool (db:backup, db:restore) as its own process
 * from the current sources, without a build.
 */
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { transformSync, version: swcVersion } = require('@swc/core');
const options = require('../jest.swc');

// Compiled files are kept by their source's hash: the API tests start such processes dozens of times a run, and
// each would otherwise compile the whole app again.
const CACHE = join(__dirname, '../../node_modules/.cache/sujarit-register-ts');
const OPTIONS_KEY = JSON.stringify({ swcVersion, options });

require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(OPTIONS_KEY).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transformSync(source, { ...options, filename, sourceMaps: 'inline' }).code;
    try {
      mkdirSync(CACHE, { recursive: true });
      // Written aside and renamed: processes starting together never read half a file.
      const partial = `${cached}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, cached);
    } catch {
      // No cache (a read-only tree): compiling every time is only slower.
    }
  }
  module._compile(code, filename);
};

// The shared libraries from their sources too (as jest's moduleNameMapper does), not from a build that may be stale.
const Module = require('node:module');
const LIBRARIES = {
  '@sujarit/contracts': join(__dirname, '../../libs/contracts/src/index.ts'),
  '@sujarit/domain': join(__dirname, '../../libs/domain/src/index.ts'),
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, LIBRARIES[request] ?? request, ...rest);
};
