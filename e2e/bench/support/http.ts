import { Agent, request as httpRequest } from 'node:http';
import { baseUrl } from '../../support/browser';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  /** The cookies the response set, as `name=value` pairs ready for a Cookie header. */
  cookie: string;
}

/** A failed request of a scenario: the route and status, and the start of the answer (a code and message). */
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

/**
 * Sockets kept alive between requests, as a phone's browser keeps its connection. node:http rather than `fetch`:
 * the load generator shares the machine's cores with the app, and `fetch` spends about three times the CPU per
 * request (measured in the ceiling scenario: 2.2 ms against 0.7 ms), which the app's figures would pay for.
 */
const agent = new Agent({ keepAlive: true });

/**
 * One request to the app over real HTTP, as a phone or an organizer's browser sends it; a 4xx or 5xx throws. A
 * kept-alive connection the server closed just as the request went out (reset before any answer) is asked again once
 * on a new one, as browsers do: that race belongs to keep-alive itself, not to the app.
 */
export async function call<T = unknown>(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error;
    return send<T>(method, path, options);
  }
}

/** A reused kept-alive socket that was closed under the request before any answer came. */
class StaleSocket extends Error {}

function send<T>(method: string, path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string> }): Promise<Reply<T>> {
  const url = new URL(path, baseUrl());
  const body = options.body !== undefined ? JSON.stringify(options.body) : undefined;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          if (status >= 400) return reject(new RequestFailed(method, path, status, text.slice(0, 300)));
          const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
          try {
            resolve({ status, body: (text ? JSON.parse(text) : null) as T, cookie });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.once('error', (error: NodeJS.ErrnoException) => {
      const stale = request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(stale ? new StaleSocket(`${method} ${path}: ${error.code} on a kept-alive connection`) : error);
    });
    request.end(body);
  });
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
