import { DataSource, type Migration } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

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

/**
 * Migrates as the owner, on a connection of its own: the app's connections work as `sujarit_app`, which may
 * change no schema (and does not exist before the first migration made it).
 */
export async function migrateAsOwner(ownerUrl: string): Promise<Migration[]> {
  const owner = new DataSource({ ...dataSourceOptions(ownerUrl), extra: { max: 2 } });
  await owner.initialize();
  try {
    return await migrateWithLock(owner);
  } finally {
    await owner.destroy();
  }
}
