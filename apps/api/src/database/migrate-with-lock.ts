import type { DataSource, Migration } from 'typeorm';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so API processes starting
 * together on one database migrate it once, one after the other.
 */
export async function migrateWithLock(db: DataSource): Promise<Migration[]> {
  const lockHolder = db.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query(`SELECT pg_advisory_lock(hashtext('sujarit:migrations'))`);
    return await db.runMigrations({ transaction: 'each' });
  } finally {
    await lockHolder.query(`SELECT pg_advisory_unlock(hashtext('sujarit:migrations'))`).catch(() => undefined);
    await lockHolder.release();
  }
}
