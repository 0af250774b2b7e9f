import { createHash } from 'node:crypto';

/** A secret as it is stored: its SHA-256 in hex (session, link and device tokens are never kept in the clear). */
export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
