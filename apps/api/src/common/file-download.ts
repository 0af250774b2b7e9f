import type { Response } from 'express';

/** A file the API hands to the browser: a PDF, a workbook, a CSV, a question bank. */
export interface FileDownload {
  content: Buffer | string;
  contentType: string;
  /** The Thai name the browser saves it under (RFC 5987 `filename*`). */
  fileName: string;
  /** The same name in ASCII, for clients that do not read `filename*`. */
  asciiFileName: string;
  /** `attachment` (saved) unless the file is meant to open in the browser. */
  disposition?: 'attachment' | 'inline';
  /** Extra response headers, e.g. an HTML page's content security policy. */
  headers?: Record<string, string>;
}

/**
 * Sends a file. Everything the API serves this way holds people's names, scores or answer keys: never kept by a shared
 * cache or the browser's (`no-store`), and never sniffed into another type.
 */
export function sendFile(response: Response, file: FileDownload): void {
  response
    .set({
      ...file.headers,
      'Content-Type': file.contentType,
      'Content-Disposition': `${file.disposition ?? 'attachment'}; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .send(file.content);
}

/** RFC 5987 encoding: encodeURIComponent leaves ' ( ) * as they are, which the header's syntax does not allow. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
