import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Jest's globalSetup loads this without moduleNameMapper, so the alias cannot be used here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  description: string;
  /**
   * A database on the same server to connect to when making or dropping others: `CREATE DATABASE … TEMPLATE`
   * refuses while anyone is connected to the template, this connection included.
   */
  adminUrl: string;
  dispose(): Promise<void>;
}

/**
 * A fresh database for one test run: on TEST_DATABASE_URL or DATABASE_URL's server when set,
 * otherwise on an embedded PostgreSQL in a temporary folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    const name = uniqueName('sujarit_test');
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = withDatabase(serverUrl, name);
    return {
      url,
      description: `database ${name} on ${new URL(serverUrl).host}`,
      adminUrl: serverUrl,
      dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'sujarit-test-'));
  // As root the server runs as the postgres user, who must be able to enter the folder.
  await chmod(folder, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), database: 'sujarit_test', persistent: false });
  return {
    url: pg.url,
    description: `embedded PostgreSQL on port ${pg.port}`,
    // initdb makes `postgres` on every cluster.
    adminUrl: withDatabase(pg.url, 'postgres'),
    dispose: async () => {
      await pg.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the run's template database (migrated and seeded once by the API tests' global setup), for one
 * test file: `CREATE DATABASE … TEMPLATE` copies files instead of running every migration again.
 */
export async function createDatabaseFromTemplate(template: { url: string; adminUrl: string }, prefix: string): Promise<TestDatabase> {
  const templateName = databaseOf(template.url);
  const name = uniqueName(prefix);
  await adminQuery(template.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  return {
    url: withDatabase(template.url, name),
    description: `database ${name} (from ${templateName}) on ${new URL(template.url).host}`,
    adminUrl: template.adminUrl,
    dispose: () => adminQuery(template.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Drops every database whose name starts with `prefix` (a run's per-file copies a file left behind). */
export async function dropDatabasesStartingWith(adminUrl: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Another fresh database on the server of the run's own (`SUJARIT_TEST_DATABASE_URL`), for a test that needs one
 * to itself, e.g. an empty one; works on a server and on the embedded one alike, from inside a test file.
 */
export async function createSiblingDatabase(prefix = 'sujarit_sibling'): Promise<TestDatabase> {
  const runUrl = process.env.SUJARIT_TEST_DATABASE_URL;
  if (!runUrl) throw new Error('SUJARIT_TEST_DATABASE_URL is not set: run through a jest config of e2e/');
  const name = uniqueName(prefix);
  await adminQuery(runUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(runUrl, name),
    description: `database ${name} on ${new URL(runUrl).host}`,
    adminUrl: runUrl,
    dispose: () => adminQuery(runUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
