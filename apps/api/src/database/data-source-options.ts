import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { MIGRATIONS_GLOB } from './migrations-glob';

/** The schema changes only through migrations; synchronize stays off. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    // Run at start by migrateWithLock, not by TypeORM on connect.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Not 'error': TypeORM would log a failed query's parameters, which can hold trainees' names.
    logging: ['migration', 'warn'],
    extra: { max: 10 },
  };
}
