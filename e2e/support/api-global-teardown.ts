export default async function teardown(): Promise<void> {
  await globalThis.__SUJARIT_TEST_DB__?.dispose();
}
