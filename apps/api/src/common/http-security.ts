import { HttpStatus } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { sendApiError } from './api-exception.filter';

/**
 * The headers every response carries. The web app loads only its own scripts, styles and fonts and shows QR
 * codes as `data:` images (qrcode's toDataURL); nothing may frame it. HSTS only where the app is served over
 * HTTPS (COOKIE_SECURE=true): on a LAN address over plain HTTP it would lock phones out.
 */
export function securityHeaders(): RequestHandler {
  const https = process.env.COOKIE_SECURE === 'true';
  const headersWithStyles = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'self'"],
          'connect-src': ["'self'"],
          'font-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'img-src': ["'self'", 'data:'],
          // The installable app: its web manifest and service worker (apps/web/pwa.ts) come from the app itself.
          'manifest-src': ["'self'"],
          'object-src': ["'none'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': styleSrc,
          'worker-src': ["'self'"],
          ...(https ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
    });
  const app = headersWithStyles(["'self'"]);
  // Swagger UI (the developers' OpenAPI page) writes its page styles inline; its scripts are files.
  const apiDocs = headersWithStyles(["'self'", "'unsafe-inline'"]);
  return function securityHeaders(request: Request, response: Response, next: NextFunction) {
    (request.path === '/api/docs' || request.path.startsWith('/api/docs/') ? apiDocs : app)(request, response, next);
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request that a browser sends from another site carries that site's `Origin`: it is refused
 * (403 ORIGIN_NOT_ALLOWED). Allowed: the origin of PUBLIC_URL, and the host the request was sent to (an
 * organizer may work on `localhost` while PUBLIC_URL gives phones the LAN address). Clients that send no
 * Origin (curl, scripts) are not browsers acting for someone else, and pass.
 */
export function sameOriginWrites(): RequestHandler {
  return function sameOriginWrites(request: Request, response: Response, next: NextFunction) {
    const origin = request.headers.origin;
    if (!STATE_CHANGING.has(request.method) || origin === undefined) return next();
    if (isAllowedOrigin(origin, request)) return next();
    sendApiError(response, HttpStatus.FORBIDDEN, {
      code: 'ORIGIN_NOT_ALLOWED',
      message: 'คำขอนี้มาจากเว็บไซต์อื่น ระบบจึงไม่รับ — เปิดระบบจากที่อยู่ของระบบเองแล้วลองใหม่',
    });
  };
}

function isAllowedOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    const url = new URL(origin);
    if (process.env.PUBLIC_URL && url.origin === new URL(process.env.PUBLIC_URL).origin) return true;
    host = url.host;
  } catch {
    // `null` (a sandboxed frame, a file) and anything else that is no URL is no origin of ours.
    return false;
  }
  // `request.host` is the Host header, or X-Forwarded-Host when TRUST_PROXY trusts the proxy that set it.
  return host === request.headers.host || host === request.host;
}

/** A route that takes a file upload, from the API's own OpenAPI document. */
export interface UploadRoute {
  method: string;
  path: RegExp;
}

/** The routes the OpenAPI document says consume multipart/form-data: the file imports, and nothing else. */
export function uploadRoutesOf(document: OpenAPIObject): UploadRoute[] {
  const routes: UploadRoute[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['post', 'put', 'patch'] as const) {
      const body = item[method]?.requestBody;
      if (!body || !('content' in body) || !body.content['multipart/form-data']) continue;
      const pattern = path
        .split(/\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      routes.push({ method: method.toUpperCase(), path: new RegExp(`^${pattern}$`) });
    }
  }
  return routes;
}

/**
 * State-changing requests with a body send JSON (415 UNSUPPORTED_MEDIA_TYPE otherwise): a page on another
 * site can post a form or text/plain without asking, but not JSON. The file imports take multipart/form-data.
 */
export function jsonOnlyWrites(uploadRoutes: readonly UploadRoute[]): RequestHandler {
  return function jsonOnlyWrites(request: Request, response: Response, next: NextFunction) {
    if (!STATE_CHANGING.has(request.method) || !hasBody(request)) return next();
    if (request.is('application/json')) return next();
    const isUpload = uploadRoutes.some((route) => route.method === request.method && route.path.test(request.path));
    if (isUpload && request.is('multipart/form-data')) return next();
    sendApiError(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: isUpload ? 'ส่งไฟล์แบบ multipart/form-data หรือข้อมูลแบบ JSON เท่านั้น' : 'ส่งข้อมูลได้เฉพาะแบบ JSON (Content-Type: application/json)',
    });
  };
}

/** A body of at least one byte: a POST with `Content-Length: 0` (a button's command) has none. */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
