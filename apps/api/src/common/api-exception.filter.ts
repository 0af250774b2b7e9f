import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isValidationMessageKey, issueParams, thaiIssueMessage, type ApiError, type ErrorCode } from '@sujarit/contracts';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain.error';

/** While PostgreSQL is away (restarting, the line cut): the request may work when asked again in a moment. */
const DATABASE_UNAVAILABLE: ApiError = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'ระบบฐานข้อมูลไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
};
/** Seconds a client is asked to wait before trying again (Retry-After). */
const DATABASE_RETRY_AFTER_SECONDS = 2;
/** At most one log line per this many milliseconds while the database is away: every phone's retry would add one. */
const UNAVAILABLE_LOG_EVERY_MS = 5_000;

const MESSAGES_BY_STATUS: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  [HttpStatus.BAD_REQUEST]: { code: 'VALIDATION_FAILED', message: 'คำขอไม่ถูกต้อง' },
  [HttpStatus.UNAUTHORIZED]: { code: 'UNAUTHENTICATED', message: 'กรุณาเข้าสู่ระบบก่อน' },
  [HttpStatus.FORBIDDEN]: { code: 'FORBIDDEN', message: 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้' },
  [HttpStatus.NOT_FOUND]: { code: 'NOT_FOUND', message: 'ไม่พบสิ่งที่ต้องการ' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: 'PAYLOAD_TOO_LARGE', message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป' },
  [HttpStatus.PRECONDITION_FAILED]: { code: 'PRECONDITION_FAILED', message: 'ไฟล์นี้เปลี่ยนไปแล้ว กรุณาโหลดหน้าใหม่' },
  [HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE]: { code: 'RANGE_NOT_SATISFIABLE', message: 'ส่วนของไฟล์ที่ขอ (Range) เกินขนาดของไฟล์' },
};

/** The errors of express's own parts (the web app's files, sent by `send`): http-errors with a status. */
interface ExpressHttpError {
  status?: unknown;
  expose?: unknown;
}

/** The status of a client's mistake that express's parts reported (a Range past the end, an If-Match that fails). */
function clientErrorStatus(exception: unknown): number | null {
  if (!(exception instanceof Error)) return null;
  const { status, expose } = exception as ExpressHttpError;
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** Answers from the request's edge (before any route) in the same `{ code, message }` as the filter. */
export function sendApiError(response: Response, status: number, error: ApiError): void {
  response.status(status).json(error);
}

/** Every error leaves the API as `{ code, message }`: a stable code for programs, Thai for people. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');
  private unavailableSince: { loggedAt: number; unlogged: number } | undefined;

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toApiError(exception);
    if (body.code === 'DATABASE_UNAVAILABLE') response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    // A file being sent may have set its own type before it failed; the answer is JSON.
    response.status(status).type('application/json').json(body);
  }

  private toApiError(exception: unknown): [number, ApiError] {
    if (exception instanceof DomainError) {
      const { code, message, params } = exception;
      return [exception.status, params ? { code, message, params } : { code, message }];
    }
    if (exception instanceof ZodValidationException) {
      return [HttpStatus.BAD_REQUEST, fromZodError(exception.getZodError() as ZodError)];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = MESSAGES_BY_STATUS[status];
      if (known) return [status, { ...known }];
      if (status < 500) return [status, { code: 'VALIDATION_FAILED', message: 'คำขอไม่ถูกต้อง' }];
    }
    if (isDatabaseUnavailable(exception)) {
      this.logUnavailable(exception);
      return [HttpStatus.SERVICE_UNAVAILABLE, { ...DATABASE_UNAVAILABLE }];
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) return [clientStatus, { ...(MESSAGES_BY_STATUS[clientStatus] ?? { code: 'VALIDATION_FAILED', message: 'คำขอไม่ถูกต้อง' }) }];
    // Log the error itself only: request bodies may hold trainees' personal data.
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: 'INTERNAL_ERROR', message: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง' },
    ];
  }

  /** The connection's error (never a request's data), once per few seconds with how many were not logged. */
  private logUnavailable(exception: unknown): void {
    // A monotonic timer for spacing log lines, not a time of day (which comes from the Clock).
    const now = performance.now();
    const since = this.unavailableSince;
    if (since && now - since.loggedAt < UNAVAILABLE_LOG_EVERY_MS) {
      since.unlogged += 1;
      return;
    }
    const more = since?.unlogged ? ` (and ${since.unlogged} more since the last line)` : '';
    this.logger.warn(`The database is unavailable: ${exception instanceof Error ? exception.message : String(exception)}${more}`);
    this.unavailableSince = { loggedAt: now, unlogged: 0 };
  }
}

/**
 * Each issue keeps a stable code (zod's, or the schema's own message key) and the values it is worded with, so a
 * client words it in its reader's language; `message` stays Thai for programs and older clients.
 */
function fromZodError(error: ZodError): ApiError {
  const issues = error.issues.map((issue) => {
    const params = issueParams(issue);
    return {
      path: issue.path.join('.'),
      message: issue.code === 'unrecognized_keys' ? `ไม่รู้จักช่องข้อมูล: ${issue.keys.join(', ')}` : thaiIssueMessage(issue),
      code: isValidationMessageKey(issue.message) ? issue.message : issue.code,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
  const first = issues[0];
  const message = first ? `ข้อมูลไม่ถูกต้อง: ${first.path ? `${first.path}: ` : ''}${first.message}` : 'ข้อมูลไม่ถูกต้อง';
  return { code: 'VALIDATION_FAILED', message, issues };
}
