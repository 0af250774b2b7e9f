import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The Nx tags really forbid something: lint fails on an import across a boundary. */
describe('module boundaries', () => {
  const root = join(__dirname, '../..');

  beforeAll(() => {
    // The lint rule reads Nx's project graph: compute it first, through the nx command npm installs (as `npx nx` runs it).
    const nx = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (nx.status !== 0) {
      throw new Error(`nx could not compute the project graph (exit ${nx.status ?? nx.signal}): ${nx.error?.message ?? nx.stderr}`);
    }
    expect(nx.stdout.split('\n')).toEqual(expect.arrayContaining(['api', 'web', 'domain', 'contracts']));
  });

  function boundaryErrors(file: string, source: string, rule = '@nx/enforce-module-boundaries'): string[] {
    const eslint = spawnSync(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
      { cwd: root, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
    );
    // ESLint exits 0 (clean) or 1 (problems found); anything else means it did not run.
    if (eslint.status !== 0 && eslint.status !== 1) {
      throw new Error(`eslint could not run (exit ${eslint.status ?? eslint.signal}): ${eslint.error?.message ?? eslint.stderr}`);
    }
    const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
  }

  it('forbids the web app from importing the API', () => {
    const errors = boundaryErrors('apps/web/src/leak.ts', "import { AppModule } from '../../api/src/app.module';\nexport const x = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids the web app from importing the API through its path alias too', () => {
    const errors = boundaryErrors('apps/web/src/leak.ts', "import { AppModule } from '@sujarit/api/app.module';\nexport const x = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids the domain library from importing a framework', () => {
    const errors = boundaryErrors('libs/domain/src/leak.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(errors.join('\n')).toMatch(/@nestjs\/common/);
  });

  it('forbids one web feature from importing another', () => {
    const file = 'apps/web/src/features/programs/components/Leak.tsx';
    const source = "import { useLogin } from '../../auth/api/login';\nexport const x = useLogin;\n";
    expect(boundaryErrors(file, source, 'no-restricted-imports')).toHaveLength(1);
    const shared = "import { Loading } from '../../../components/Loading';\nexport const x = Loading;\n";
    expect(boundaryErrors(file, shared, 'no-restricted-imports')).toEqual([]);
  });

  it('forbids the API from reading the time but through its Clock, which tests move', () => {
    const file = 'apps/api/src/attempts/leak.ts';
    expect(boundaryErrors(file, 'export const now = () => new Date();\n', 'no-restricted-syntax')).toHaveLength(1);
    expect(boundaryErrors(file, 'export const now = () => Date.now();\n', 'no-restricted-syntax')).toHaveLength(1);
    expect(boundaryErrors(file, "export const at = (iso: string) => new Date(iso);\n", 'no-restricted-syntax')).toEqual([]);
    expect(boundaryErrors('apps/api/src/common/clock.ts', 'export const now = () => new Date();\n', 'no-restricted-syntax')).toEqual([]);
  });

  it('lets the web app import the shared contracts', () => {
    const errors = boundaryErrors('apps/web/src/fine.ts', "import { LoginRequestSchema } from '@sujarit/contracts';\nexport const x = LoginRequestSchema;\n");
    expect(errors).toEqual([]);
  });
});
