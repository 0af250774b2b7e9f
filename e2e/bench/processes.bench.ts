import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createServer, Server, Socket, connect } from 'node:net';
import { Client } from 'pg';
import { DEMO_ORGANIZER } from '../support/browser';
import { freePort, waitUntilUp } from '../support/browser-global-setup';
import { BenchRow, percentile, recordBench } from './support/record';

/*
 * Past one machine (issue 12, benchmark 5): API processes of the built app behind a load balancer, on one PostgreSQL.
 * The balancer is a small round-robin TCP proxy in this file, as HAProxy or nginx's stream module would be in front
 * of processes on several machines: each process is started, stopped and restarted on its own, which Node's cluster
 * module (one parent forking workers on one machine) would not show. Measured: the saves per second of the room's
 * load (test-day.bench.ts: 190 phones saving every answer with no pause) through one process and through two; and a
 * room of phones that keeps saving and hands in, retrying as the phone does, while one process is stopped (SIGTERM)
 * and started again.
 *
 * On the 2 cores here, PostgreSQL and the processes share the same CPUs, so a second process can only take the CPU
 * the first one left idle; on separate machines each process brings its own.
 */
const PHONES = Number(process.env.BENCH_PHONES ?? 190);
/** Phones saving through the restart, with a phone's pace between taps. */
const RESTART_PHONES = 30;
const THINK_MS = 250;
/** What the phone does on a failed line or a 5xx: ask again (the web app waits longer; the bench shortens it). */
const RETRY_MS = 250;
const RETRIES = 120;

const MAIN = join(__dirname, '../../dist/api/apps/api/src/main.js');

interface Api {
  port: number;
  process: ChildProcess;
  output: string[];
}

/** One API process of the built app on the bench's database, as global setup starts its own. */
async function startApi(port: number): Promise<Api> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: join(__dirname, '../..'),
    env: {
      ...process.env,
      DATABASE_URL: process.env.SUJARIT_TEST_DATABASE_URL,
      SUJARIT_DEMO: '1',
      PORT: String(port),
      NODE_ENV: 'test',
      PUBLIC_URL: process.env.SUJARIT_PUBLIC_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await waitUntilUp(`http://127.0.0.1:${port}`, child, output);
  return { port, process: child, output };
}

/** SIGTERM, as a service manager stops a process; resolves once it has exited. */
async function stopApi(api: Api): Promise<void> {
  if (api.process.exitCode !== null) return;
  const exited = new Promise((resolve) => api.process.once('exit', resolve));
  api.process.kill('SIGTERM');
  await exited;
  api.process.stdout?.destroy();
  api.process.stderr?.destroy();
}

/**
 * A round-robin TCP load balancer: each client connection goes to the next process; one that refuses (stopped) is
 * skipped for the next. A connection cut by a stopping process is cut for the client too, who asks again.
 */
class Balancer {
  private next = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(public ports: number[]) {}

  async listen(): Promise<number> {
    const port = await freePort();
    this.server = createServer((client) => this.forward(client));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return port;
  }

  private forward(client: Socket) {
    client.pause();
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const tryNext = (tried: number) => {
      if (client.destroyed) return;
      if (tried >= this.ports.length) return void client.destroy();
      const upstream = connect(this.ports[this.next++ % this.ports.length], '127.0.0.1');
      this.sockets.add(upstream);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        client.once('close', () => upstream.destroy());
      });
      upstream.on('error', () => {
        // Refused: that process is down, so the next one takes the connection. Cut later: the client's line is cut.
        if (!connected) tryNext(tried + 1);
      });
      upstream.once('close', () => {
        this.sockets.delete(upstream);
        if (connected) client.destroy();
      });
    };
    tryNext(0);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

interface Call {
  status: number;
  body: unknown;
  cookie: string;
}

/** How many requests were asked again: after a cut line, and after a 5xx. */
const met = { retries: 0, serverErrors: 0 };

/** One HTTP request through the balancer; with `retry`, a failed line or a 5xx is asked again, as the phone does. */
async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string>; retry?: boolean } = {},
): Promise<Call> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      });
      const text = await response.text();
      if (response.status >= 500 && options.retry && attempt < RETRIES) {
        met.serverErrors++;
        throw new Error(`${method} ${path} → ${response.status} ${text}`);
      }
      if (response.status >= 400) throw Object.assign(new Error(`${method} ${path} → ${response.status} ${text}`), { final: true });
      return { status: response.status, body: text ? JSON.parse(text) : null, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
    } catch (error) {
      if ((error as { final?: boolean }).final || !options.retry || attempt >= RETRIES) throw error;
      met.retries++;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

interface Room {
  sessionId: string;
  joinCode: string;
  testId: string;
  questionCount: number;
}

/** A youth camp session with its pre-test open, made by the organizer through the balancer. */
async function openRoom(base: string, title: string, capacity: number): Promise<Room> {
  const organizer = (await call(base, 'POST', '/api/auth/login', { body: DEMO_ORGANIZER })).cookie;
  const programs = (await call(base, 'GET', '/api/programs', { cookie: organizer })).body as { programs: { id: string; code: string }[] };
  const program = programs.programs.find((p) => p.code === '1.3.1');
  if (!program) throw new Error('no program 1.3.1');
  const session = (
    await call(base, 'POST', '/api/sessions', {
      cookie: organizer,
      body: { programId: program.id, title, startsAt: '2027-01-21T09:00:00+07:00', endsAt: '2027-01-21T16:00:00+07:00', venue: 'หอประชุมอำเภอ', capacity },
    })
  ).body as { id: string; joinCode: string; assessments: { id: string; kind: string; questionCount: number }[] };
  const pre = session.assessments.find((a) => a.kind === 'pre_test');
  if (!pre) throw new Error('no pre-test');
  await call(base, 'POST', `/api/assessments/${pre.id}/open`, { cookie: organizer });
  return { sessionId: session.id, joinCode: session.joinCode, testId: pre.id, questionCount: pre.questionCount };
}

interface Phone {
  cookie: string;
  attemptId: string;
  questions: { id: string; options: { id: string }[] }[];
}

async function joinAndStart(base: string, room: Room, i: number): Promise<Phone> {
  const cookie = (
    await call(base, 'POST', `/api/join/${room.joinCode}`, {
      body: { fullName: `เยาวชน หลายเครื่อง ${i + 1}`, group: 'youth', ageBand: '15_17', guardianName: `ผู้ปกครอง ${i + 1}` },
    })
  ).cookie;
  const attempt = (await call(base, 'POST', `/api/join/${room.joinCode}/assessments/${room.testId}/attempt`, { cookie, body: { attemptNumber: 1 } }))
    .body as { id: string; questions: Phone['questions'] };
  return { cookie, attemptId: attempt.id, questions: attempt.questions };
}

async function saveAll(base: string, room: Room, phone: Phone, i: number, options: { thinkMs?: number; retry?: boolean; samples?: number[] } = {}) {
  for (const [n, question] of phone.questions.entries()) {
    if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
    const start = performance.now();
    await call(base, 'PUT', `/api/join/${room.joinCode}/attempts/${phone.attemptId}/answers/${question.id}`, {
      cookie: phone.cookie,
      body: { optionIds: [question.options[(i + n) % question.options.length].id] },
      retry: options.retry,
    });
    options.samples?.push(performance.now() - start);
  }
}

async function handIn(base: string, room: Room, phone: Phone, retry = false) {
  // One key for the hand-in and all its retries, as the phone keeps it.
  const key = randomUUID();
  return (await call(base, 'POST', `/api/join/${room.joinCode}/attempts/${phone.attemptId}/submit`, { cookie: phone.cookie, headers: { 'idempotency-key': key }, body: { answers: {} }, retry }))
    .body as { percent: number | null };
}

async function stored(room: Room): Promise<{ answers: number; submitted: number; attempts: number }> {
  const db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
  await db.connect();
  try {
    const [row] = (
      await db.query(
        `SELECT (SELECT count(*) FROM attempt_answers x JOIN attempts t ON t.id = x.attempt_id WHERE t.assessment_id = $1)::int AS answers,
                (SELECT count(*) FROM attempts WHERE assessment_id = $1 AND submitted_at IS NOT NULL)::int AS submitted,
                (SELECT count(*) FROM attempts WHERE assessment_id = $1)::int AS attempts`,
        [room.testId],
      )
    ).rows;
    return row;
  } finally {
    await db.end();
  }
}

/** The room's load through the balancer: every phone joins and starts, then all save every answer at once; saves per second of that part. */
async function roomSaves(base: string, label: string): Promise<{ perSecond: number; p95: number }> {
  const room = await openRoom(base, `ค่ายเยาวชน (${label})`, PHONES);
  const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => joinAndStart(base, room, i)));
  const samples: number[] = [];
  const began = performance.now();
  await Promise.all(phones.map((phone, i) => saveAll(base, room, phone, i, { samples })));
  const seconds = (performance.now() - began) / 1000;
  await Promise.all(phones.map((phone) => handIn(base, room, phone)));
  const after = await stored(room);
  expect(after).toEqual({ answers: PHONES * room.questionCount, submitted: PHONES, attempts: PHONES });
  return { perSecond: samples.length / seconds, p95: percentile(samples, 95) };
}

describe('benchmark: past one machine', () => {
  const apis: Api[] = [];
  let balancer: Balancer;
  let base: string;

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    for (const port of ports) apis.push(await startApi(port));
    balancer = new Balancer([ports[0]]);
    base = `http://127.0.0.1:${await balancer.listen()}`;
  });

  afterAll(async () => {
    await balancer?.close();
    await Promise.all(apis.map(stopApi));
  });

  it(`saves more per second through two API processes than one (${PHONES} phones)`, async () => {
    balancer.ports = [apis[0].port];
    const one = await roomSaves(base, 'หนึ่งโปรเซส');
    balancer.ports = apis.map((api) => api.port);
    const two = await roomSaves(base, 'สองโปรเซส');
    const growth = two.perSecond / one.perSecond;
    console.log(
      `processes: ${PHONES} phones saving at once through a round-robin balancer — one process ${one.perSecond.toFixed(0)} saves/s ` +
        `(p95 ${one.p95.toFixed(0)} ms), two ${two.perSecond.toFixed(0)} saves/s (p95 ${two.p95.toFixed(0)} ms): × ${growth.toFixed(2)}`,
    );
    const limitedBy = `the processes and PostgreSQL share ${cpus().length} cores (load ${loadavg()[0].toFixed(1)})`;
    const rows: BenchRow[] = [
      { scenario: 'processes', measure: 'saves/s, one process', value: Math.round(one.perSecond), unit: '/s', limitedBy },
      { scenario: 'processes', measure: 'saves/s, two processes', value: Math.round(two.perSecond), unit: '/s', limitedBy },
      { scenario: 'processes', measure: 'two processes ÷ one', value: Math.round(growth * 100) / 100, unit: 'ratio', goal: '> 1', met: growth > 1, limitedBy },
    ];
    recordBench(rows);
    expect(growth).toBeGreaterThan(1);
  });

  it(`keeps ${RESTART_PHONES} phones saving and handing in while one of two processes is restarted`, async () => {
    balancer.ports = apis.map((api) => api.port);
    met.retries = 0;
    met.serverErrors = 0;
    const room = await openRoom(base, 'ค่ายเยาวชน (เริ่มโปรเซสใหม่)', RESTART_PHONES);
    const phones = await Promise.all(Array.from({ length: RESTART_PHONES }, (_, i) => joinAndStart(base, room, i)));
    // The phones answer at a phone's pace; a second in, process A is stopped and started again on its port.
    const working = Promise.all(
      phones.map(async (phone, i) => {
        await saveAll(base, room, phone, i, { thinkMs: THINK_MS, retry: true });
        return handIn(base, room, phone, true);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stopping = performance.now();
    await stopApi(apis[0]);
    const stoppedAfter = performance.now() - stopping;
    apis[0] = await startApi(apis[0].port);
    const downMs = performance.now() - stopping;
    const results = await working;
    const after = await stored(room);
    console.log(
      `restart: process A stopped in ${stoppedAfter.toFixed(0)} ms and answered again ${downMs.toFixed(0)} ms after SIGTERM; ` +
        `${RESTART_PHONES} phones asked again ${met.retries} times (${met.serverErrors} after a 5xx); stored ${after.answers} answers of ${RESTART_PHONES * room.questionCount}, ` +
        `${after.submitted} hand-ins of ${RESTART_PHONES}`,
    );
    recordBench([
      { scenario: 'processes', measure: 'restart of one process: down', value: Math.round(downMs), unit: 'ms', limitedBy: 'start-up of a Nest process' },
      { scenario: 'processes', measure: 'restart: requests asked again', value: met.retries, unit: 'count' },
      { scenario: 'processes', measure: 'restart: 5xx answers', value: met.serverErrors, unit: 'count', goal: '= 0', met: met.serverErrors === 0 },
      {
        scenario: 'processes',
        measure: 'restart: phones handed in',
        value: results.filter((r) => typeof r.percent === 'number').length,
        unit: 'count',
        goal: `= ${RESTART_PHONES}`,
        met: results.every((r) => typeof r.percent === 'number'),
      },
      {
        scenario: 'processes',
        measure: 'restart: answers lost',
        value: RESTART_PHONES * room.questionCount - after.answers,
        unit: 'count',
        goal: '= 0',
        met: after.answers === RESTART_PHONES * room.questionCount,
      },
    ]);
    expect(results.every((r) => typeof r.percent === 'number')).toBe(true);
    expect(after).toEqual({ answers: RESTART_PHONES * room.questionCount, submitted: RESTART_PHONES, attempts: RESTART_PHONES });
  });
});
