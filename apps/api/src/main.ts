import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { parsePublicUrl } from './common/public-url';
import { redact, resolveDatabase } from './database/database.config';
import { DEMO_USERS } from './seed/demo-organization.seed';
import { demoWanted } from './seed/demo-setting';

async function bootstrap() {
  const logger = new Logger('Sujarit');
  // A bad PUBLIC_URL stops the start with its reason, before any database is started.
  const publicUrl = parsePublicUrl(process.env.PUBLIC_URL);
  const database = await resolveDatabase();
  logger.log(`Database: ${database.description}`);
  logger.log(
    process.env.DATABASE_URL && process.env.DATABASE_APP_URL
      ? `The app's connections: ${redact(process.env.DATABASE_APP_URL)}, working as sujarit_app under row-level security`
      : "The app's connections work as sujarit_app (SET ROLE) under row-level security; migrations as the owner",
  );
  const webRoot = resolve(__dirname, '../../../../web');
  // A login role of the app's own (a member of sujarit_app) on the server of DATABASE_URL; the embedded one has none.
  const appDatabaseUrl = process.env.DATABASE_URL ? process.env.DATABASE_APP_URL || undefined : undefined;
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl: database.url, appDatabaseUrl, webRoot }), {
    logger: ['error', 'warn', 'log'],
  });
  await configureApp(app);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: stopping`);
      void app
        .close()
        .then(() => database.stop?.())
        .finally(() => process.exit(0));
    });
  }
  const port = Number(process.env.PORT ?? 3000);
  // A phone thinks 10–30 s over a question between saves: kept alive longer than Node's 5 s, its connection is still
  // open at the next tap (no new TCP handshake over a weak line), and longer than a load balancer's usual 60 s idle
  // time, so the balancer, not the app, closes an idle connection (no reset racing a request it just sent).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(port);
  logger.log(`Sujarit is ready: http://localhost:${port} (API under /api, OpenAPI at /api/docs)`);
  logger.log(
    publicUrl
      ? `Join links and QR codes use PUBLIC_URL: ${publicUrl}`
      : 'PUBLIC_URL is not set: join links use the address the organizer opened the app at (phones cannot open localhost)',
  );
  if (demoWanted()) {
    logger.log(
      `Demo logins (for trying it out only; each chooses a new password at first sign-in): ${DEMO_USERS.map((u) => `${u.role} ${u.email} / ${u.password}`).join('; ')}`,
    );
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
