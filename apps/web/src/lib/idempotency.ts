/**
 * Idempotency keys for requests a weak connection may repeat. The key is kept per purpose and
 * body, so a retry of the same request (even after a reload) reuses it, and a changed body gets a new one.
 */
const STORAGE_PREFIX = 'sujarit.idempotency.';

export function idempotencyKeyFor(purpose: string, body: unknown): string {
  const fingerprint = JSON.stringify(body);
  const storageKey = `${STORAGE_PREFIX}${purpose}`;
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as { key: string; fingerprint: string } | null;
    if (saved && saved.fingerprint === fingerprint) return saved.key;
  } catch {
    // Storage unavailable or garbled: a fresh key is still correct, only less reusable.
  }
  const key = uuidV4();
  try {
    localStorage.setItem(storageKey, JSON.stringify({ key, fingerprint }));
  } catch {
    // Private mode: keep going without remembering the key.
  }
  return key;
}

export function forgetIdempotencyKey(purpose: string): void {
  try {
    localStorage.removeItem(`${STORAGE_PREFIX}${purpose}`);
  } catch {
    // nothing to forget
  }
}

/** crypto.randomUUID exists only in secure contexts; a phone on http://<LAN address> is not one. */
function uuidV4(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
