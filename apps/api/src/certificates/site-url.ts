/** The validated PUBLIC_URL (or null) the certificates' QR codes point at, read once at start. */
export const CERTIFICATE_SITE_URL = Symbol('CERTIFICATE_SITE_URL');
