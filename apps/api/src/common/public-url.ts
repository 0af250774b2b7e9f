/**
 * PUBLIC_URL: the address phones and browsers reach the app at (join links and QR codes use it), e.g.
 * `https://sujarit.example.go.th` or `http://192.168.1.10:3000`. Unset or empty: null. Anything else that is not an
 * absolute http(s) URL of a site's root stops the start with a message saying what is wrong.
 */
export function parsePublicUrl(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const example = 'e.g. PUBLIC_URL=https://sujarit.example.go.th or PUBLIC_URL=http://192.168.1.10:3000';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL is not an absolute URL: "${text}" (${example})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must start with http:// or https://, not ${url.protocol}// (${example})`);
  }
  if (url.username || url.password || url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw new Error(`PUBLIC_URL must not hold a user name, password, query or fragment: "${text}" (${example})`);
  }
  // The app serves its pages and /api from the root of its address; a path prefix would break both.
  if (url.pathname !== '/') {
    throw new Error(`PUBLIC_URL must be the site's root address without a path, not "${url.pathname}" (${example})`);
  }
  return url.origin;
}
