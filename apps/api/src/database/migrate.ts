import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { resolveDatabase } from './database.config';
import { migrateWithLock } from './migrate-with-lock';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function migrate() {
  const target = await resolveDatabase();
  console.log(`Database: ${target.description}`);
  const db = new DataSource(dataSourceOptions(target.url));
  await db.initialize();
  const applied = await migrateWithLock(db);
  console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
  await db.destroy();
  await target.stop?.();
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
