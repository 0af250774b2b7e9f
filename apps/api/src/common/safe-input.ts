import { HttpStatus } from '@nestjs/common';
import { hasUnsafeCharacter, UNSAFE_CHARACTER_REASON } from '@sujarit/domain';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { sendApiError } from './api-exception.filter';

/**
 * The largest JSON body: room for what a 2 MB question or enrolment file turns into when its good rows are
 * confirmed (express's own 100 KB refused a bank of a few hundred questions).
 */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

/**
 * What a file upload may hold beside its one file (multer counts none of it by default, so a body of a million
 * small fields would all be kept in memory): the app sends the file alone.
 */
export const UPLOAD_PART_LIMITS = { files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 };

/** body-parser's errors carry a `type`; these are the ones a client causes. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Reads JSON bodies and answers a body it cannot read itself, in the API's own words: 400 for malformed JSON,
 * 413 over the limit, 415 for a charset it cannot decode. Named `jsonParser` so that Nest does not add its own.
 */
export function jsonBodyParser(): RequestHandler {
  const parse = express.json({ limit: MAX_JSON_BODY_BYTES });
  const tooLarge = (response: Response) =>
    sendApiError(response, HttpStatus.PAYLOAD_TOO_LARGE, {
      code: 'PAYLOAD_TOO_LARGE',
      message: `ข้อมูลที่ส่งมีขนาดใหญ่เกินไป (ไม่เกิน ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB)`,
    });
  return function jsonParser(request: Request, response: Response, next: NextFunction) {
    // A body that says it is larger than the limit is answered before a byte of it is read: body-parser would
    // first read all it declares (gigabytes, if the client says so) and only then answer. The rest is thrown away
    // as it comes, so a browser still sending it reads the answer once it is done.
    if (request.is('application/json') && Number(request.headers['content-length']) > MAX_JSON_BODY_BYTES) return tooLarge(response);
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const { type, status } = error as BodyParserError;
      if (type === 'entity.too.large') return tooLarge(response);
      if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        return sendApiError(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'ส่งข้อมูลเป็น JSON แบบ UTF-8 เท่านั้น',
        });
      }
      if (status !== undefined && status >= 400 && status < 500) {
        return sendApiError(response, HttpStatus.BAD_REQUEST, { code: 'VALIDATION_FAILED', message: 'ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง' });
      }
      next(error);
    });
  };
}

/**
 * Refuses NUL and unpaired surrogates anywhere in the request (body, query, cookies, the path and so the route's
 * parameters) with 400 INVALID_CHARACTERS, before any route sees them: PostgreSQL cannot store them, and they
 * used to surface as 500s with a stack trace in the log. Walks every value once, without recursion.
 */
export function refuseUnsafeText(): RequestHandler {
  return function refuseUnsafeText(request: Request, response: Response, next: NextFunction) {
    const segments: string[] = [];
    for (const segment of request.path.split('/')) {
      try {
        segments.push(decodeURIComponent(segment));
      } catch {
        return sendApiError(response, HttpStatus.BAD_REQUEST, { code: 'VALIDATION_FAILED', message: 'ที่อยู่ (URL) ของคำขอไม่ถูกต้อง' });
      }
    }
    const where =
      (segments.some(hasUnsafeCharacter) ? 'url' : null) ??
      unsafePath(request.query, 'query') ??
      unsafePath(request.cookies, 'cookie') ??
      unsafePath(request.body, '');
    if (where === null) return next();
    sendApiError(response, HttpStatus.BAD_REQUEST, {
      code: 'INVALID_CHARACTERS',
      message: `ข้อมูลไม่ถูกต้อง: ${where}: ${UNSAFE_CHARACTER_REASON}`,
      issues: [{ path: where, message: UNSAFE_CHARACTER_REASON }],
    });
  };
}

/** The path (as zod writes it: `rows.3.fullName`) of the first string or key holding an unsafe character, or null. */
function unsafePath(root: unknown, rootName: string): string | null {
  const pending: [unknown, string][] = [[root, rootName]];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (hasUnsafeCharacter(value)) return path || rootName;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (hasUnsafeCharacter(key)) return path || rootName || 'body';
        pending.push([child, join(path, key)]);
      }
    }
  }
  return null;
}
