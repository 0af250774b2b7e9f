import { randomUUID } from 'node:crypto';

/** How long a phone waits for one answer before it counts the request as lost and sends it again. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Setting the scene waits longer: a room joining at once is slow on a busy machine, and no fault is under way. */
const SETUP_TIMEOUT_MS = 60_000;
/** A phone that has no answer after this long gives up, and the test fails: the fault was not one it could ride out. */
const GIVE_UP_AFTER_MS = 90_000;

export type RequestKind = 'save' | 'submit';

/** Everything the phones met in one burst, with when (ms since the burst began), to set against the fault's window. */
export interface BurstLog {
  began: number;
  /** A request sent (first tries and retries). */
  sent: { kind: RequestKind; at: number }[];
  /** No answer: the connection was refused, reset or closed, or the answer did not come in time. */
  lost: { kind: RequestKind; at: number; reason: string }[];
  /** A 5xx answer, which a phone also asks again after. */
  serverErrors: { kind: RequestKind; at: number; status: number; body: unknown; retryAfter: string | null }[];
  /** A 4xx answer: asking again would not change it, so the phone is stuck. Any is a failure. */
  refusals: { kind: RequestKind; status: number; body: unknown }[];
  acknowledged: { kind: RequestKind; at: number }[];
}

export function newBurstLog(): BurstLog {
  return { began: performance.now(), sent: [], lost: [], serverErrors: [], refusals: [], acknowledged: [] };
}

export interface AttemptResult {
  attemptId: string;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
}

/** One simulated phone in the room: its device cookie, its attempt, and what the server told it. */
export interface Phone {
  index: number;
  cookie: string;
  attemptId: string;
  questions: { id: string; options: { id: string }[] }[];
  /** Each answer the server acknowledged (204), the last one per question. */
  acknowledgedAnswers: Map<string, string[]>;
  result: AttemptResult | null;
  submitTries: number;
}

export interface Answer {
  status: number;
  body: unknown;
  setCookie: string[];
  retryAfter: string | null;
}

/** One request over real HTTP (keep-alive, as a browser), with a time limit. Throws when no answer came. */
export async function request(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's or a dying server's page): kept as text for the failure's message
  }
  return {
    status: response.status,
    body,
    setCookie: response.headers.getSetCookie().map((c) => c.split(';')[0]),
    retryAfter: response.headers.get('retry-after'),
  };
}

/** A request that must succeed now (setting the scene, with no fault under way). */
export async function requestOk(baseUrl: string, method: string, path: string, options: Parameters<typeof request>[3] = {}): Promise<Answer> {
  const answer = await request(baseUrl, method, path, { timeoutMs: SETUP_TIMEOUT_MS, ...options });
  if (answer.status >= 400) throw new Error(`${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the same request until the server answers it, as the trainee's page does: after a lost connection or a 5xx
 * it waits a little longer each time and sends it again unchanged (a save: the same PUT; a hand-in: the same Idempotency-Key).
 * A 4xx ends the tries (logged as a refusal).
 */
async function untilAnswered(log: BurstLog, kind: RequestKind, send: () => Promise<Answer>): Promise<Answer> {
  const giveUpAt = performance.now() + GIVE_UP_AFTER_MS;
  for (let tries = 1; ; tries += 1) {
    const at = () => performance.now() - log.began;
    log.sent.push({ kind, at: at() });
    try {
      const answer = await send();
      if (answer.status < 400) {
        log.acknowledged.push({ kind, at: at() });
        return answer;
      }
      if (answer.status < 500) {
        log.refusals.push({ kind, status: answer.status, body: answer.body });
        return answer;
      }
      log.serverErrors.push({ kind, at: at(), status: answer.status, body: answer.body, retryAfter: answer.retryAfter });
    } catch (error) {
      log.lost.push({ kind, at: at(), reason: describe(error) });
    }
    if (performance.now() > giveUpAt) throw new Error(`a phone had no answer to its ${kind} for ${GIVE_UP_AFTER_MS / 1000} s`);
    // Backing off as a phone's page would (150 ms doubling up to 2 s, jittered), not a storm on a server starting up.
    await sleep(Math.min(2_000, 150 * 2 ** (tries - 1)) * (0.5 + Math.random()));
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.name;
}

/**
 * One phone's test: each answer saved as it is given (a little thinking between), then the first answer changed
 * (so the last acknowledged value is what must stay), then the hand-in. The hand-in sends no answers of its own:
 * every answer it counts must come from the saves the server acknowledged.
 */
export async function takeTest(baseUrl: string, code: string, phone: Phone, log: BurstLog, startDelayMs: number): Promise<void> {
  await sleep(startDelayMs);
  const save = async (questionId: string, optionIds: string[]) => {
    const answer = await untilAnswered(log, 'save', () =>
      request(baseUrl, 'PUT', `/api/join/${code}/attempts/${phone.attemptId}/answers/${questionId}`, {
        cookie: phone.cookie,
        body: { optionIds },
      }),
    );
    if (answer.status === 204) phone.acknowledgedAnswers.set(questionId, optionIds);
  };
  for (const [n, question] of phone.questions.entries()) {
    await sleep(10 + Math.random() * 40);
    await save(question.id, [question.options[(phone.index + n) % question.options.length].id]);
  }
  const first = phone.questions[0];
  await save(first.id, [first.options[(phone.index + 1) % first.options.length].id]);

  const idempotencyKey = randomUUID();
  const answer = await untilAnswered(log, 'submit', () => {
    phone.submitTries += 1;
    return request(baseUrl, 'POST', `/api/join/${code}/attempts/${phone.attemptId}/submit`, {
      cookie: phone.cookie,
      headers: { 'idempotency-key': idempotencyKey },
      body: { answers: {} },
    });
  });
  if (answer.status === 200) phone.result = answer.body as AttemptResult;
}
