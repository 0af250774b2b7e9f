import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
// Run by node outside jest (e2e/support/register-ts.js), so the alias cannot be used here.
/* eslint-disable @nx/enforce-module-boundaries */
import { AppModule } from '../../apps/api/src/app.module';
import { migrateAsOwner } from '../../apps/api/src/database/migrate-with-lock';
import { SeedService } from '../../apps/api/src/seed/seed.service';
/* eslint-enable @nx/enforce-module-boundaries */

/**
 * `node -r e2e/support/register-ts.js e2e/support/prepare-template.ts URL`: brings the API tests' template database
 * to what every app start would (the migrations, then the demo organization, as configureApp does), once per run.
 * Its own process, so no connection to the template outlives it: copying a database needs it to have none.
 */
async function main(): Promise<void> {
  const databaseUrl = process.argv[2];
  // As configureApp: the owner migrates on its own connection (it makes the app's role), then the app seeds.
  await migrateAsOwner(databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl }), { logger: ['error', 'warn'] });
  try {
    await app.get(SeedService).seedIfEmpty();
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
