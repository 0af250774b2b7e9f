export default async function teardown(): Promise<void> {
  const running = globalThis.__SUJARIT_BROWSER__;
  if (!running) return;
  const exited = new Promise((resolve) => running.server.once('exit', resolve));
  running.server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  running.server.stdout?.destroy();
  running.server.stderr?.destroy();
  // SUJARIT_KEEP_TEST_DATABASE=1 keeps the run's database to look into afterwards (its name is printed at the start).
  if (process.env.SUJARIT_KEEP_TEST_DATABASE !== '1') await running.db.dispose();
}
