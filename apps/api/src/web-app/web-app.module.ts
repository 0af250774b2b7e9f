import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { precompressedFiles, REVALIDATE, sendPrecompressed, webAppCacheHeaders } from './precompressed-files';
import { routePreloads } from './route-preloads';

const WEB_ROOT = Symbol('WEB_ROOT');

/** Every path outside the API's: `/`, `/programs/…`, but not `/api` nor `/api/…`. */
const OUTSIDE_THE_API = /^\/(?!api(?:\/|$))/;

/**
 * The built web app beside the API: its files as they are, and its page for every other path outside /api (the
 * app's own routes, which the browser resolves). What cannot be sent as asked (a Range past the end, an If-Match
 * that fails) goes on to the API's exception filter and is answered in its words, 416 or 412 with a code; the
 * @nestjs/serve-static module this replaces answered those with a 500, or a 404 of its own shape.
 *
 * A phone on a weak line gets each file compressed as the build wrote it (brotli, else gzip, by Accept-Encoding),
 * and keeps the hashed files of /assets for a year without asking again; the page itself (index.html, and every
 * app route) is checked each time, so a new version reaches the phone at its next visit.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    @Inject(WEB_ROOT) private readonly webRoot: string,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  static forRoot(webRoot: string): DynamicModule {
    return { module: WebAppModule, providers: [{ provide: WEB_ROOT, useValue: webRoot }] };
  }

  /** At start-up, when the HTTP server exists (and so also under a testing module), before the API's 404. */
  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter.getInstance<Express>();
    server.use(sendPrecompressed(precompressedFiles(this.webRoot)));
    server.use(express.static(this.webRoot, { setHeaders: webAppCacheHeaders(this.webRoot) }));
    const preloads = routePreloads(this.webRoot);
    server.get(OUTSIDE_THE_API, (request: Request, response: Response, next: NextFunction) => {
      const withPreloads = preloads.pageFor(request.path);
      if (withPreloads) {
        response.setHeader('Cache-Control', REVALIDATE);
        response.type('html').send(withPreloads);
        return;
      }
      response.sendFile('index.html', { root: this.webRoot, headers: { 'Cache-Control': REVALIDATE } }, (error?: Error) => {
        if (error) next(error);
      });
    });
  }
}
