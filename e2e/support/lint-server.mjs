/**
 * `node e2e/support/lint-server.mjs` (from the repository root): lints one text per line of stdin,
 * `{"file": "apps/web/src/leak.ts", "source": "…"}`, as `eslint --stdin --stdin-filename FILE` would, and writes
 * its messages as one JSON line each. One ESLint for all of them: loading the config and Nx's project graph
 * takes seconds, which a process per text paid every time.
 */
import { ESLint } from 'eslint';
import { createInterface } from 'node:readline';

const eslint = new ESLint({ cwd: process.cwd() });
for await (const line of createInterface({ input: process.stdin })) {
  const { file, source } = JSON.parse(line);
  const [result] = await eslint.lintText(source, { filePath: file });
  const messages = (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
  process.stdout.write(`${JSON.stringify(messages)}\n`);
}
