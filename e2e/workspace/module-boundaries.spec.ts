import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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

  // One ESLint process for every text the tests lint (e2e/support/lint-server.mjs), answering one line per text.
  let linter: ChildProcessWithoutNullStreams;
  let answers: AsyncIterator<string>;
  const stderr: string[] = [];

  beforeAll(() => {
    linter = spawn(process.execPath, [join(root, 'e2e/support/lint-server.mjs')], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
    linter.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    answers = createInterface({ input: linter.stdout })[Symbol.asyncIterator]();
  });

  afterAll(async () => {
    linter.stdin.end();
    if (linter.exitCode === null) await new Promise((resolve) => linter.once('exit', resolve));
  });

  async function boundaryErrors(file: string, source: string, rule = '@nx/enforce-module-boundaries'): Promise<string[]> {
    linter.stdin.write(`${JSON.stringify({ file, source })}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error(`eslint could not run (exit ${linter.exitCode}): ${stderr.join('')}`);
    const messages = JSON.parse(answer.value) as { ruleId: string | null; message: string }[];
    return messages.filter((m) => m.ruleId === rule).map((m) => m.message);
  }

  it('forbids the web app from importing the API', async () => {
    const errors = await boundaryErrors('apps/web/src/leak.ts', "import { AppModule } from '../../api/src/app.module';\nexport const x = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids the web app from importing the API through its path alias too', async () => {
    const errors = await boundaryErrors('apps/web/src/leak.ts', "import { AppModule } from '@sujarit/api/app.module';\nexport const x = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids the domain library from importing a framework', async () => {
    const errors = await boundaryErrors('libs/domain/src/leak.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(errors.join('\n')).toMatch(/@nestjs\/common/);
  });

  it('forbids one web feature from importing another', async () => {
    const file = 'apps/web/src/features/programs/components/Leak.tsx';
    const source = "import { useLogin } from '../../auth/api/login';\nexport const x = useLogin;\n";
    expect(await boundaryErrors(file, source, 'no-restricted-imports')).toHaveLength(1);
    const shared = "import { Loading } from '../../../components/Loading';\nexport const x = Loading;\n";
    expect(await boundaryErrors(file, shared, 'no-restricted-imports')).toEqual([]);
  });

  it('forbids the API from reading the time but through its Clock, which tests move', async () => {
    const file = 'apps/api/src/attempts/leak.ts';
    expect(await boundaryErrors(file, 'export const now = () => new Date();\n', 'no-restricted-syntax')).toHaveLength(1);
    expect(await boundaryErrors(file, 'export const now = () => Date.now();\n', 'no-restricted-syntax')).toHaveLength(1);
    expect(await boundaryErrors(file, "export const at = (iso: string) => new Date(iso);\n", 'no-restricted-syntax')).toEqual([]);
    expect(await boundaryErrors('apps/api/src/common/clock.ts', 'export const now = () => new Date();\n', 'no-restricted-syntax')).toEqual([]);
  });

  it('lets the web app import the shared contracts', async () => {
    const errors = await boundaryErrors('apps/web/src/fine.ts', "import { LoginRequestSchema } from '@sujarit/contracts';\nexport const x = LoginRequestSchema;\n");
    expect(errors).toEqual([]);
  });
});
