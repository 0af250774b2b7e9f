import type { Request } from 'express';

/** The web app's page that takes a one-time link; the secret rides in the fragment, which browsers never send. */
export const ACCOUNT_LINK_PATH = '/set-password';

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The link as the admin is shown it: absolute on `PUBLIC_URL` when set, else a path the web app completes with
 * the address it is open at.
 */
export function accountLinkUrl(token: string, base: string | null = process.env.PUBLIC_URL || null): string {
  return `${base ? withoutTrailingSlash(base) : ''}${ACCOUNT_LINK_PATH}#${token}`;
}

/**
 * Where a mailed link must point: `PUBLIC_URL`, else the address the admin's browser used (its Origin, else the
 * request's own scheme and host), which the recipient reaches the same way the admin does.
 */
export function mailBaseUrl(req: Request): string {
  if (process.env.PUBLIC_URL) return withoutTrailingSlash(process.env.PUBLIC_URL);
  const origin = req.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
