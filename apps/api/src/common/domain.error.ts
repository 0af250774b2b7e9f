import { HttpStatus } from '@nestjs/common';
import type { ErrorCode, ErrorParams } from '@sujarit/contracts';

/**
 * A rule of the domain was broken; the filter turns it into `{ code, message, params }` with its status. `message` is
 * Thai (for programs and older clients); `params` holds the values in it (a limit, a count, a name) so the web words
 * the code in its reader's language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export const notFound = (code: ErrorCode, message: string, params?: ErrorParams) =>
  new DomainError(code, message, HttpStatus.NOT_FOUND, params);
export const conflict = (code: ErrorCode, message: string, params?: ErrorParams) =>
  new DomainError(code, message, HttpStatus.CONFLICT, params);
