import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** The encodings the web build writes beside its files (apps/web/precompress.ts), the browser's favourite first. */
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/** A year, the longest a cache is told to keep anything: the name of a file in /assets changes with its content. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** Kept, but asked about again each time (an ETag answer of 304 costs a few bytes). */
export const REVALIDATE = 'no-cache';

/** The Content-Type of a compressed copy: that of the file it was made from. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** URL path (`/assets/index-abc.js`) → the compressed copies the build wrote for it, read once at start-up. */
export function precompressedFiles(webRoot: string): Map<string, Encoding[]> {
  const files = new Map<string, Encoding[]>();
  if (!existsSync(webRoot)) return files;
  for (const entry of readdirSync(webRoot, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const encodings = ENCODINGS.filter((encoding) => existsSync(path + encoding.extension));
    if (encodings.length > 0 && CONTENT_TYPES[extname(path)]) {
      files.set(`/${relative(webRoot, path).split(sep).join('/')}`, encodings);
    }
  }
  return files;
}

/** The encodings an Accept-Encoding header allows (`q=0` refuses one). */
function accepted(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

interface CompressedLocals {
  contentEncoding?: Encoding['name'];
  contentType?: string;
}

/**
 * Before express.static: a GET or HEAD of a file the build compressed is pointed at the copy the browser accepts
 * (its own name + .br or .gz), remembered in res.locals for `webAppCacheHeaders`. Every answer for such a file
 * varies with Accept-Encoding, so a shared cache never hands brotli to a browser that did not ask for it.
 */
export function sendPrecompressed(files: Map<string, Encoding[]>) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const encodings = files.get(request.path);
    if (!encodings) return next();
    response.vary('Accept-Encoding');
    const allowed = accepted(request.headers['accept-encoding']);
    const chosen = encodings.find((encoding) => allowed.has(encoding.name));
    if (chosen) {
      const locals = response.locals as CompressedLocals;
      locals.contentEncoding = chosen.name;
      locals.contentType = CONTENT_TYPES[extname(request.path)];
      const query = request.url.indexOf('?');
      request.url = query === -1 ? request.path + chosen.extension : request.path + chosen.extension + request.url.slice(query);
    }
    next();
  };
}

/** express.static's `setHeaders`: the encoding chosen above, and how long the browser may keep the file. */
export function webAppCacheHeaders(webRoot: string) {
  return (response: Response, path: string): void => {
    const locals = response.locals as CompressedLocals;
    if (locals.contentEncoding && locals.contentType) {
      response.setHeader('Content-Encoding', locals.contentEncoding);
      response.setHeader('Content-Type', locals.contentType);
    }
    // Vite names every file under assets/ by its content's hash; the rest (index.html, the icons) keep their names.
    const hashed = relative(webRoot, path).startsWith(`assets${sep}`);
    response.setHeader('Cache-Control', hashed ? HASHED_ASSET_CACHE : REVALIDATE);
  };
}
