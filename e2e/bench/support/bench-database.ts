import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { recordBench } from './record';

/** The run's database as its owner sees it (every organization's rows), as the global setup made it. */
export function benchDatabaseUrl(): string {
  const url = process.env.SUJARIT_TEST_DATABASE_URL;
  if (!url) throw new Error('SUJARIT_TEST_DATABASE_URL is not set: run through e2e/jest.bench.config.js');
  return url;
}

export async function withBenchDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: benchDatabaseUrl() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function deadRows(db: Client): Promise<number> {
  const { rows } = await db.query<{ dead: number }>(`SELECT coalesce(sum(n_dead_tup), 0)::bigint::float8 AS dead FROM pg_stat_user_tables`);
  return rows[0].dead;
}

/**
 * Vacuums the bench database before a scenario, as autovacuum would keep a real one: the test server here runs with
 * autovacuum off, and a scenario run on the dead rows of the one before it measures their cost, not the app's.
 * Records the dead rows found (what the scenarios before left) and those left after.
 */
export async function vacuumBenchDatabase(scenario: string): Promise<void> {
  await withBenchDatabase(async (db) => {
    const found = await deadRows(db);
    await db.query('VACUUM (ANALYZE)');
    const left = await deadRows(db);
    recordBench([
      { scenario, measure: 'dead rows found before the scenario', value: found, unit: 'count', limitedBy: 'VACUUM (ANALYZE) run before it' },
      { scenario, measure: 'dead rows left after VACUUM (ANALYZE)', value: left, unit: 'count' },
    ]);
  });
}

/** Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const TICK_MS = 10;

/** CPU time (user + system, ms) a process has used so far, or null when it cannot be read here. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields are counted after its closing parenthesis (state is field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** The CPU time of each backend serving the bench database but `monitor` itself, when PostgreSQL runs on this machine. */
export async function backendCpu(monitor: Client): Promise<Map<number, number> | null> {
  const { rows } = await monitor.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    // A server on another machine has other processes by these numbers, or none.
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return null;
    }
    if (command !== 'postgres') return null;
    const ms = processCpuMs(pid);
    if (ms === null) return null;
    cpu.set(pid, ms);
  }
  return cpu;
}

/** CPU the backends used between two readings (a backend that started in between counts from its start). */
export function backendCpuSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** The machine's CPU time so far (ms), busy and in all, from /proc/stat's first line; null off Linux. */
export function machineCpu(): { busyMs: number; totalMs: number } | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = ticks.slice(0, 8).map(Number);
    const idle = values[3] + values[4];
    const total = values.reduce((sum, value) => sum + value, 0);
    return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
  } catch {
    return null;
  }
}

/** How busy the machine's cores were between two readings, 0–1 (everything on it: the app, PostgreSQL, the bench, others). */
export function machineBusyShare(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>): number | null {
  if (!before || !after || after.totalMs === before.totalMs) return null;
  return (after.busyMs - before.busyMs) / (after.totalMs - before.totalMs);
}
