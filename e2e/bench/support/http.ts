import { baseUrl } from '../../support/browser';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  /** The cookies the response set, as `name=value` pairs ready for a Cookie header. */
  cookie: string;
}

/** A failed request of a scenario: the route kind and status, never the body (it can hold a name). */
export class RequestFailed extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${method} ${path} → ${status} ${detail}`);
  }
}

/** One request to the app over real HTTP, as a phone or an organizer's browser sends it; a 4xx or 5xx throws. */
export async function call<T = unknown>(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 400) throw new RequestFailed(method, path, response.status, text.slice(0, 300));
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, cookie };
}

/** Runs `work` and adds how long it took (ms) to `samples`, whether it succeeded or not. */
export async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    samples.push(performance.now() - start);
  }
}
