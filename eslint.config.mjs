import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/** Module boundaries from the Nx project tags; `allow` lists imports let through for one part only. */
const boundaries = (allow = []) => ({
  enforceBuildableLibDependency: false,
  allow,
  depConstraints: [
    // The web app never imports the API; the API never imports the web app.
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    // Contracts are schemas only; domain is pure logic that may use contract types, nothing else of ours.
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
      bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'express', 'react', 'react-*', '@tanstack/*', 'zod', 'node:*'],
    },
  ],
});

/** Lint for the whole workspace. */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.nx', '.data', 'e2e/artifacts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries()],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Features stay independent (bulletproof-react): one feature never reaches into another.
    files: ['apps/web/src/features/**/*.ts', 'apps/web/src/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(api|components|hooks)/|^(\\.\\./)+features/',
              message: 'Features must not import each other; compose them in src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Time comes from the injected Clock, so every rule that depends on it can be tested by moving it.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/common/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock (common/clock.ts) for the time now.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock (common/clock.ts) for the time now.' },
      ],
    },
  },
  {
    // The tests drive the API app itself (Nest forbids nothing here, Nx forbids importing apps).
    files: ['e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['@sujarit/api/**'])] },
  },
  {
    files: ['**/*.spec.ts', 'e2e/**/*.ts'],
    rules: {
      // A focused or skipped test hides failures.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
