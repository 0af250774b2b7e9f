import type { PoolClient } from 'pg';

/** Node's own errors for a server that cannot be reached or a connection that broke. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL's SQLSTATEs for "not now": class 08 (connection exception), the server shutting down (57P01 admin,
 * 57P02 crash) or still starting (57P03), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** TypeORM's errors for a statement sent on a transaction whose connection it already let go. */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** node-postgres says so in words only (its own errors carry no code). */
const BROKEN_CONNECTION_MESSAGES = [
  'Connection terminated',
  'is not queryable',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/**
 * Whether an error means the database cannot be reached right now (restarting, down, the line cut) rather than a
 * bug or a refused statement: the request may work when asked again, so the API answers 503, not 500. Looks
 * through TypeORM's wrapper (driverError), causes and aggregated errors (one per address tried).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, code, message, driverError, cause, errors } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  // TypeORM releases a transaction's query runner when its connection reports an error (the line lost, PostgreSQL
  // restarting), so the transaction's next statement fails with one of these instead of the connection's own error.
  // The app never uses a runner after its transaction ends, so here they mean the connection was lost.
  if (typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) return true;
  if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && BROKEN_CONNECTION_MESSAGES.some((words) => message.includes(words))) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((e) => isDatabaseUnavailable(e, depth + 1));
}

const listening = new WeakSet<PoolClient>();

/**
 * Gives a connection handed out by the pool a lasting 'error' listener. node-postgres reports a connection's
 * loss (PostgreSQL restarting: FATAL 57P01 on every connection; the line cut) both to the query under way and as
 * an 'error' event; the pool listens only while the connection is idle and TypeORM only once it holds it, so an
 * error in between (a statement run on the connection before TypeORM takes it) had no listener, and Node ends the
 * process on an unheard 'error'. The query under way still fails with the error, and the pool drops the connection
 * when it comes back broken.
 */
export function keepConnectionLossFromCrashing(client: PoolClient): void {
  if (listening.has(client)) return;
  listening.add(client);
  client.on('error', () => undefined);
}
