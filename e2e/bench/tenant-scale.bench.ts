import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { baseUrl, DEMO_ORGANIZER } from '../support/browser';
import { cloneOrganization } from './support/clone-organizations';
import { BenchRow, percentile, recordBench } from './support/record';

/*
 * One organization's pages on a deployment serving many (issue 12, benchmark 4): one organization's year is built
 * through the API (8 sessions, 400 walk-ins, 800 handed-in tests of 20 questions), then copied by COPY until the
 * database holds BENCH_ORGANIZATIONS of them: at the default 500, 400,000 submitted attempts and 8 M saved answers.
 * An organizer's pages of ONE organization (a copy in the middle, so its rows sit among everyone else's) must not
 * slow down with other tenants' data: each read a manager or organizer opens is timed, p95 under 100 ms.
 *
 * Small sizes check that it works (BENCH_ORGANIZATIONS=5); the full size takes the machine for a while.
 */
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 500);
const SESSIONS_PER_PROGRAM = 2;
const PEOPLE_PER_SESSION = 50;
/** Scored questions in each program's bank, and so in each test (a new session's tests take up to 20). */
const QUESTIONS_PER_TEST = 20;
const SAMPLES = 40;
const GOAL_P95_MS = 100;

async function call(method: string, path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
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
  if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

/** A day `days` from now in Bangkok, as the date part of an ISO instant. */
function bangkokDay(days: number): string {
  const bangkok = new Date(Date.now() + 7 * 3600_000 + days * 86400_000);
  return bangkok.toISOString().slice(0, 10);
}

interface Question {
  id: string;
  options: { id: string }[];
}

/** A walk-in phone joins, then takes one test and hands in all its answers at once. */
async function takeTest(code: string, cookie: string, assessmentId: string, pick: number) {
  const attempt = (await call('POST', `/api/join/${code}/assessments/${assessmentId}/attempt`, { cookie, body: { attemptNumber: 1 } })).body as {
    id: string;
    questions: Question[];
  };
  const answers = Object.fromEntries(attempt.questions.map((q, n) => [q.id, [q.options[(pick + n) % q.options.length].id]]));
  await call('POST', `/api/join/${code}/attempts/${attempt.id}/submit`, { cookie, headers: { 'idempotency-key': randomUUID() }, body: { answers } });
}

/** Tops a program's bank up to QUESTIONS_PER_TEST scored questions, so every test holds that many; returns the ids added. */
async function fillBank(cookie: string, programId: string): Promise<string[]> {
  const bank = (await call('GET', `/api/programs/${programId}/questions`, { cookie })).body.questions as { type: string; archived?: boolean }[];
  const scored = bank.filter((q) => q.type !== 'likert' && !q.archived).length;
  const added: string[] = [];
  for (let n = scored; n < QUESTIONS_PER_TEST; n++) {
    const created = await call('POST', `/api/programs/${programId}/questions`, {
      cookie,
      body: {
        topic: 'ความรู้ทั่วไป',
        type: 'single_choice',
        stem: `คำถามเพิ่มสำหรับวัดความเร็ว ข้อ ${n + 1}`,
        options: [
          { text: 'ถูก', weight: 100 },
          { text: 'ผิด ก', weight: 0 },
          { text: 'ผิด ข', weight: 0 },
          { text: 'ผิด ค', weight: 0 },
        ],
      },
    });
    added.push((created.body as { id: string }).id);
  }
  return added;
}

describe('benchmark: one organization among many', () => {
  it(`keeps an organizer's pages under ${GOAL_P95_MS} ms p95 with ${ORGANIZATIONS} organizations' data in the database`, async () => {
    const organizer = (await call('POST', '/api/auth/login', { body: DEMO_ORGANIZER })).cookie;
    const programs = (await call('GET', '/api/programs', { cookie: organizer })).body.programs as { id: string; code: string }[];
    const began = performance.now();
    const added: string[] = [];
    for (const program of programs) added.push(...(await fillBank(organizer, program.id)));
    for (const [p, program] of programs.entries()) {
      for (let s = 0; s < SESSIONS_PER_PROGRAM; s++) {
        const day = bangkokDay(1 + p * SESSIONS_PER_PROGRAM + s);
        const session = (
          await call('POST', '/api/sessions', {
            cookie: organizer,
            body: {
              programId: program.id,
              title: `รุ่นวัดความเร็ว ${program.code}/${s + 1}`,
              startsAt: `${day}T09:00:00+07:00`,
              endsAt: `${day}T16:00:00+07:00`,
              venue: 'ห้องประชุม',
              capacity: PEOPLE_PER_SESSION,
            },
          })
        ).body as { id: string; joinCode: string; assessments: { id: string; kind: string }[] };
        const pre = session.assessments.find((a) => a.kind === 'pre_test')?.id as string;
        const post = session.assessments.find((a) => a.kind === 'post_test')?.id as string;
        await call('POST', `/api/assessments/${pre}/open`, { cookie: organizer });
        await call('POST', `/api/assessments/${post}/open`, { cookie: organizer });
        const youth = program.code === '1.3.1';
        await Promise.all(
          Array.from({ length: PEOPLE_PER_SESSION }, async (_, i) => {
            const who = youth
              ? { fullName: `เยาวชน ${program.code}-${s}-${i}`, group: 'youth', ageBand: '15_17', guardianName: `ผู้ปกครอง ${i}` }
              : { fullName: `ผู้เข้าอบรม ${program.code}-${s}-${i}`, group: 'citizen' };
            const phone = (await call('POST', `/api/join/${session.joinCode}`, { body: who })).cookie;
            await takeTest(session.joinCode, phone, pre, i);
            await takeTest(session.joinCode, phone, post, i + 1);
          }),
        );
        // Results as an organizer reads them after the day: both tests closed.
        await call('POST', `/api/assessments/${pre}/close`, { cookie: organizer });
        await call('POST', `/api/assessments/${post}/close`, { cookie: organizer });
      }
    }
    // The added questions are archived once used (as deleting a used one does), so the other benchmarks' new
    // sessions on this database get the demo's own banks.
    for (const id of added) await call('DELETE', `/api/questions/${id}`, { cookie: organizer });
    const builtSeconds = (performance.now() - began) / 1000;

    const db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
    const loader = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
    await Promise.all([db.connect(), loader.connect()]);
    let copies: string[] = [];
    let data: { organizations: number; attempts: number; answers: number };
    let copySeconds: number;
    let vacuumSeconds: number;
    try {
      const [{ organization_id: sourceId }] = (await db.query(`SELECT organization_id FROM users WHERE email = $1`, [DEMO_ORGANIZER.email])).rows;
      const copyBegan = performance.now();
      copies = await cloneOrganization(db, sourceId, ORGANIZATIONS - 1, {
        copyThrough: loader,
        onBatch: (done) => process.stdout.write(`\rcopied ${done} of ${ORGANIZATIONS - 1} organizations`),
      });
      copySeconds = (performance.now() - copyBegan) / 1000;
      // As a real database is kept: vacuumed (the visibility map lets index-only scans skip the heap) and analysed.
      const vacuumBegan = performance.now();
      await db.query('VACUUM ANALYZE');
      vacuumSeconds = (performance.now() - vacuumBegan) / 1000;
      [data] = (
        await db.query(
          `SELECT (SELECT count(*) FROM organizations)::int AS organizations,
                  (SELECT count(*) FROM attempts WHERE submitted_at IS NOT NULL)::int AS attempts,
                  (SELECT count(*) FROM attempt_answers)::int AS answers`,
        )
      ).rows;
    } finally {
      await Promise.all([db.end(), loader.end()]);
    }
    console.log(
      `\ndata: ${data.organizations} organizations, ${data.attempts} submitted attempts, ${data.answers} answers ` +
        `(one organization built through the API in ${builtSeconds.toFixed(0)} s, copied in ${copySeconds.toFixed(0)} s, vacuumed in ${vacuumSeconds.toFixed(0)} s)`,
    );
    const perOrganization = programs.length * SESSIONS_PER_PROGRAM * PEOPLE_PER_SESSION * 2;
    expect(data.organizations).toBeGreaterThanOrEqual(ORGANIZATIONS);
    expect(data.attempts).toBeGreaterThanOrEqual(ORGANIZATIONS * perOrganization);
    expect(data.answers).toBeGreaterThanOrEqual(ORGANIZATIONS * perOrganization * QUESTIONS_PER_TEST);

    // One organization: a copy in the middle, through its own organizer's sign-in (copies keep the source's password).
    const copyNumber = Math.max(1, Math.ceil(copies.length / 2));
    const cookie = (
      await call('POST', '/api/auth/login', { body: { email: DEMO_ORGANIZER.email.replace('@', `+copy${copyNumber}@`), password: DEMO_ORGANIZER.password } })
    ).cookie;
    const theirPrograms = (await call('GET', '/api/programs', { cookie })).body.programs as { id: string; code: string }[];
    const theirSessions = (await call('GET', '/api/sessions', { cookie })).body.sessions as { id: string; programId: string; fiscalYear: number }[];
    const session = (await call('GET', `/api/sessions/${theirSessions[0].id}`, { cookie })).body as {
      id: string;
      programId: string;
      fiscalYear: number;
      assessments: { id: string; kind: string }[];
    };
    const pre = session.assessments.find((a) => a.kind === 'pre_test')?.id;
    const post = session.assessments.find((a) => a.kind === 'post_test')?.id;
    const yearResults = `/api/indicators/programs/${session.programId}/years/${session.fiscalYear}`;
    const personId = ((await call('GET', yearResults, { cookie })).body.people as { personId: string }[])[0].personId;
    // What an organizer or manager opens: the dashboard's indicators, the plan, a bank, a session with its people and
    // its tests' results, one program-year's results and one person's attempts in it, the people register.
    const pages: [string, string][] = [
      ['indicators', '/api/indicators'],
      ['indicator trend', '/api/indicators/trend'],
      ['program-year results', yearResults],
      ['person attempts', `${yearResults}/people/${personId}/attempts`],
      ['plan', '/api/plan'],
      ['programs', '/api/programs'],
      ['question bank', `/api/programs/${theirPrograms.find((p) => p.code === '1.1.1')?.id}/questions`],
      ['sessions', '/api/sessions'],
      ['session', `/api/sessions/${session.id}`],
      ['live counts', `/api/sessions/${session.id}/live`],
      ['attendees', `/api/sessions/${session.id}/attendees`],
      ['enrolments', `/api/sessions/${session.id}/enrolments`],
      ['certificates', `/api/sessions/${session.id}/certificates`],
      ['pre-test', `/api/assessments/${pre}`],
      ['item analysis pre', `/api/assessments/${pre}/item-analysis`],
      ['item analysis post', `/api/assessments/${post}/item-analysis`],
      ['survey results', `/api/programs/${session.programId}/survey-results`],
      ['people', '/api/people'],
    ];
    const rows: BenchRow[] = [];
    const lines: string[] = [];
    for (const [name, path] of pages) {
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES + 5; i++) {
        const start = performance.now();
        await call('GET', path, { cookie });
        if (i >= 5) samples.push(performance.now() - start);
      }
      const p95 = percentile(samples, 95);
      lines.push(`${name.padEnd(20)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`);
      rows.push({
        scenario: 'scale',
        measure: `${name} p95`,
        value: Math.round(p95 * 10) / 10,
        unit: 'ms',
        goal: `< ${GOAL_P95_MS}`,
        met: p95 < GOAL_P95_MS,
        // The machine's load beside the figure: on shared cores a busy neighbour, not the data, can be what is slow.
        limitedBy: `${data.organizations} organizations' data; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      });
    }
    recordBench([
      { scenario: 'scale', measure: 'organizations', value: data.organizations, unit: 'count' },
      { scenario: 'scale', measure: 'submitted attempts', value: data.attempts, unit: 'count' },
      { scenario: 'scale', measure: 'saved answers', value: data.answers, unit: 'count' },
      { scenario: 'scale', measure: 'load by COPY (and vacuum)', value: Math.round(copySeconds + vacuumSeconds), unit: 's' },
      ...rows,
    ]);
    // A read over its goal shows as NOT MET in the run's table, which then ends the run non-zero, as every scenario's does.
    console.log([`one organization (copy ${copyNumber}) among ${data.organizations}:`, ...lines, `goal: every read p95 < ${GOAL_P95_MS} ms`].join('\n'));
  }, 6 * 3_600_000);
});
