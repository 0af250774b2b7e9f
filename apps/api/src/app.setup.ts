import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { jsonOnlyWrites, sameOriginWrites, securityHeaders, uploadRoutesOf } from './common/http-security';
import { jsonBodyParser, refuseUnsafeText } from './common/safe-input';
import { APP_OPTIONS, type AppOptions } from './app.module';
import { migrateAsOwner } from './database/migrate-with-lock';
import { inTenantScope } from './database/tenancy';
import { SeedService } from './seed/seed.service';

/** Everything main.ts and the API tests share, so tests run the app as it really is. */
export async function configureApp(app: INestApplication): Promise<void> {
  app.setGlobalPrefix('api');
  app.use(cookieParser());
  // Behind a reverse proxy, TRUST_PROXY (e.g. `1` or `loopback`) lets the client's own address through,
  // which sign-in throttling counts by.
  if (process.env.TRUST_PROXY) {
    const value = /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY;
    (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', value);
  }
  (app.getHttpAdapter().getInstance() as { disable(name: string): void }).disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sujarit API')
      .setDescription('Training and assessment for the integrity trainings of Thai local government')
      .setVersion('0.1.0')
      .addCookieAuth('sj_session')
      .build(),
  );
  // The request's edge, in order, before any route: headers on every answer, refusals that need no body read
  // (another site's origin, a body that is not JSON), then the body itself and the text of everything.
  app.use(securityHeaders());
  app.use(sameOriginWrites());
  app.use(jsonOnlyWrites(uploadRoutesOf(document)));
  app.use(jsonBodyParser());
  app.use(refuseUnsafeText());
  // Last before the routes: each request's organization is learnt by its guard (or join code) and held here for
  // every query the request makes; body parsing happens before, outside the scope, so no stream callback loses it.
  app.use((_request: unknown, _response: unknown, next: () => void) => inTenantScope(next));
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
  await migrateAsOwner(app.get<AppOptions>(APP_OPTIONS).databaseUrl);
  await app.get(SeedService).seedIfEmpty();
}
