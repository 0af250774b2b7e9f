import { randomUUID } from 'node:crypto';
import { createSpecOrganization } from '../support/browser';
import { nextYear } from '../support/dates';
import { vacuumBenchDatabase, withBenchDatabase } from './support/bench-database';
import { call, RequestFailed } from './support/http';
import { percentile, recordBench, type BenchRow } from './support/record';

/*
 * A day of a province: TRAINEES people in SESSIONS sessions of ORGANIZATIONS organizations, each behaving as a
 * trainee does (opening the join page, filling in the check-in form, starting the pre-test, thinking over every
 * question, handing in) with think times from a real day, run COMPRESSION times faster. The sessions' rooms open
 * spread over SPREAD_SECONDS, so many rooms overlap as they do on a morning when every district holds its training.
 * Goal: no request fails, and every kind of trainee request answers within 1 s for 99 % of them.
 */
const TRAINEES = Number(process.env.BENCH_PROVINCE_TRAINEES ?? 2000);
const SESSIONS = Number(process.env.BENCH_PROVINCE_SESSIONS ?? 20);
const ORGANIZATIONS = Number(process.env.BENCH_PROVINCE_ORGANIZATIONS ?? 4);
/** Real time runs this many times faster: a trainee's 10–30 s over a question takes 1–3 s. */
const COMPRESSION = Number(process.env.BENCH_PROVINCE_COMPRESSION ?? 10);
/** The sessions' rooms open spread over this many seconds of the run (compressed time). */
const SPREAD_SECONDS = Number(process.env.BENCH_PROVINCE_SPREAD_SECONDS ?? 120);
const GOAL_P99_MS = 1000;

/** Think times of a real day, in seconds of real time (the run divides them by COMPRESSION). */
const REAL_SECONDS = {
  /** A room's trainees arrive and open the join page over its first ten minutes; its pre-test is open already. */
  arrival: [0, 600],
  /** Typing a name and choosing a group in the check-in form. */
  checkIn: [20, 60],
  /** Reading the session page, then tapping the test. */
  toStart: [5, 15],
  /** Reading a question and choosing. */
  perQuestion: [10, 30],
  /** Looking back over the answers before handing in. */
  toSubmit: [5, 15],
} satisfies Record<string, [number, number]>;

type Kind = 'open page' | 'join' | 'start' | 'save' | 'submit';
const KINDS: Kind[] = ['open page', 'join', 'start', 'save', 'submit'];

/** A small seeded generator (mulberry32), so two runs draw the same day. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(Number(process.env.BENCH_SEED ?? 12));
/** A think time drawn from a real range, in ms of the compressed run. */
const think = ([low, high]: [number, number]) => ((low + random() * (high - low)) * 1000) / COMPRESSION;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProvinceSession {
  joinCode: string;
  preTestId: string;
  /** When its room opens (its first trainee may arrive), ms after the run's start. */
  opensAt: number;
}

describe('benchmark: a day of a province', () => {
  it(`${TRAINEES} trainees in ${SESSIONS} sessions of ${ORGANIZATIONS} organizations, with think time ${COMPRESSION}× faster, without an error`, async () => {
    await vacuumBenchDatabase('province');
    // The province's organizations, each with the demo's programs and banks and an organizer who opens the tests.
    const organizers = await Promise.all(
      Array.from({ length: ORGANIZATIONS }, async (_, o) => {
        const org = await createSpecOrganization({ name: `อบต.ในจังหวัด ที่ ${o + 1} (วัดความเร็ว)` });
        const cookie = (await call('POST', '/api/auth/login', { body: org.organizer })).cookie;
        const programs = (await call<{ programs: { id: string; code: string }[] }>('GET', '/api/programs', { cookie })).body.programs;
        // Youth camps ask walk-ins for an age band and a guardian; the province's other trainings are for adults.
        return { cookie, programs: programs.filter((p) => p.code !== '1.3.1') };
      }),
    );
    const capacity = Math.ceil(TRAINEES / SESSIONS);
    const sessions: ProvinceSession[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const { cookie, programs } = organizers[s % ORGANIZATIONS];
      const program = programs[Math.floor(s / ORGANIZATIONS) % programs.length];
      const day = nextYear(`03-${String(1 + (s % 28)).padStart(2, '0')}`);
      const session = (
        await call<{ joinCode: string; assessments: { id: string; kind: string; questionCount: number }[] }>('POST', '/api/sessions', {
          cookie,
          body: {
            programId: program.id,
            title: `รุ่นของจังหวัด ที่ ${s + 1} (${program.code})`,
            startsAt: `${day}T09:00:00+07:00`,
            endsAt: `${day}T16:00:00+07:00`,
            venue: `ห้องประชุมอำเภอ ที่ ${s + 1}`,
            capacity,
          },
        })
      ).body;
      const pre = session.assessments.find((a) => a.kind === 'pre_test');
      if (!pre || pre.questionCount === 0) throw new Error(`program ${program.code} has no pre-test questions`);
      await call('POST', `/api/assessments/${pre.id}/open`, { cookie });
      sessions.push({ joinCode: session.joinCode, preTestId: pre.id, opensAt: SESSIONS === 1 ? 0 : (s * SPREAD_SECONDS * 1000) / (SESSIONS - 1) });
    }

    const samples = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
    const requestStarts: number[] = [];
    const errors: string[] = [];
    const handedIn: string[] = [];
    const began = performance.now();
    /** One trainee request, timed by its kind; a failure is counted and ends that trainee's day. */
    const request = async <T>(kind: Kind, method: string, path: string, options: Parameters<typeof call>[2] = {}) => {
      const start = performance.now();
      requestStarts.push(start - began);
      try {
        return await call<T>(method, path, options);
      } catch (error) {
        errors.push(error instanceof RequestFailed ? `${kind} → ${error.status}` : `${kind} → ${(error as Error).message}`);
        throw error;
      } finally {
        samples.get(kind)?.push(performance.now() - start);
      }
    };

    let active = 0;
    let mostActive = 0;
    const trainee = async (t: number) => {
      const session = sessions[t % SESSIONS];
      await sleep(session.opensAt + think(REAL_SECONDS.arrival));
      active += 1;
      mostActive = Math.max(mostActive, active);
      try {
        await day(t, session);
      } finally {
        active -= 1;
      }
    };
    const day = async (t: number, session: ProvinceSession) => {
      const code = session.joinCode;
      await request('open page', 'GET', `/api/join/${code}`);
      await sleep(think(REAL_SECONDS.checkIn));
      const { cookie } = await request('join', 'POST', `/api/join/${code}`, { body: { fullName: `ผู้เข้าอบรม จังหวัด ที่ ${t + 1}`, group: 'citizen' } });
      await sleep(think(REAL_SECONDS.toStart));
      const attempt = (
        await request<{ id: string; questions: { id: string; options: { id: string }[] }[] }>('start', 'POST', `/api/join/${code}/assessments/${session.preTestId}/attempt`, {
          cookie,
          body: { attemptNumber: 1 },
        })
      ).body;
      for (const [n, question] of attempt.questions.entries()) {
        await sleep(think(REAL_SECONDS.perQuestion));
        const option = question.options[(t + n) % question.options.length];
        await request('save', 'PUT', `/api/join/${code}/attempts/${attempt.id}/answers/${question.id}`, { cookie, body: { optionIds: [option.id] } });
      }
      await sleep(think(REAL_SECONDS.toSubmit));
      await request('submit', 'POST', `/api/join/${code}/attempts/${attempt.id}/submit`, { cookie, headers: { 'idempotency-key': randomUUID() }, body: { answers: {} } });
      handedIn.push(attempt.id);
      // Back on the session page, which reads the session again after a hand-in.
      await request('open page', 'GET', `/api/join/${code}`, { cookie });
    };
    await Promise.all(Array.from({ length: TRAINEES }, (_, t) => trainee(t).catch(() => undefined)));
    const seconds = (performance.now() - began) / 1000;

    const missing = await withBenchDatabase(async (db) => {
      const { rows } = await db.query<{ held: number }>(`SELECT count(*)::int AS held FROM attempts WHERE id = ANY($1::uuid[]) AND submitted_at IS NOT NULL`, [handedIn]);
      return handedIn.length - rows[0].held;
    });
    const perSecond = new Map<number, number>();
    for (const at of requestStarts) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    const requests = requestStarts.length;
    const limitedBy = `${ORGANIZATIONS} organizations, ${SESSIONS} sessions, time ${COMPRESSION}× faster`;
    recordBench([
      { scenario: 'province', measure: `trainees handed in (of ${TRAINEES})`, value: handedIn.length, unit: 'count', goal: `= ${TRAINEES}`, met: handedIn.length === TRAINEES, limitedBy },
      { scenario: 'province', measure: `trainee requests in ${seconds.toFixed(0)} s`, value: requests, unit: 'count' },
      { scenario: 'province', measure: 'trainee requests/s, busiest second', value: Math.max(0, ...perSecond.values()), unit: '/s' },
      { scenario: 'province', measure: 'trainees between arriving and handing in, most at once', value: mostActive, unit: 'count' },
      { scenario: 'province', measure: 'failed trainee requests', value: errors.length, unit: 'count', goal: '= 0', met: errors.length === 0 },
      { scenario: 'province', measure: 'hand-ins acknowledged but missing from the database', value: missing, unit: 'count', goal: '= 0', met: missing === 0 },
      ...KINDS.map((kind): BenchRow => {
        const taken = samples.get(kind) ?? [];
        const p99 = taken.length ? percentile(taken, 99) : Number.NaN;
        return { scenario: 'province', measure: `${kind} p99 (n=${taken.length})`, value: p99, unit: 'ms', goal: `< ${GOAL_P99_MS}`, met: p99 < GOAL_P99_MS };
      }),
    ]);
    console.log(
      [
        `province day: ${TRAINEES} trainees, ${SESSIONS} sessions, ${ORGANIZATIONS} organizations, ${requests} requests in ${seconds.toFixed(0)} s (time ${COMPRESSION}× faster)`,
        ...KINDS.map((kind) => {
          const taken = samples.get(kind) ?? [];
          return `${kind.padEnd(9)} n=${String(taken.length).padStart(6)}  p50 ${percentile(taken, 50)?.toFixed(0)} ms  p99 ${percentile(taken, 99)?.toFixed(0)} ms  max ${Math.max(...taken).toFixed(0)} ms`;
        }),
        ...(errors.length ? [`failed: ${[...new Set(errors)].slice(0, 10).join('; ')}`] : []),
      ].join('\n'),
    );
    // A failed request or a lost hand-in is a fault, not a slow figure.
    expect(errors).toEqual([]);
    expect(missing).toBe(0);
    expect(handedIn).toHaveLength(TRAINEES);
  });
});
