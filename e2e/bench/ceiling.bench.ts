import { SAVE_ANSWER_SQL } from '@sujarit/api/attempts/attempts.service';
import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { APP_ROLE } from '@sujarit/api/database/tenancy';
import { TRAINEE_COOKIE } from '@sujarit/api/trainee/trainee.controller';
import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createSpecOrganization } from '../support/browser';
import { nextYear } from '../support/dates';
import {
  backendCpu,
  backendCpuSpent,
  benchDatabaseUrl,
  machineBusyShare,
  machineCpu,
  processCpuMs,
  vacuumBenchDatabase,
  withBenchDatabase,
} from './support/bench-database';
import { call } from './support/http';
import { percentile, recordBench } from './support/record';

/*
 * How close to the machine's limit the app saves answers. First the bare ceiling: the very statement a save makes
 * (SAVE_ANSWER_SQL), straight through `pg` with the app's pool size and its tenant settings, WORKERS at a time,
 * on attempts started through the API. Then the app doing the same saves over HTTP, as many at once, for as long.
 * The ratio says how much of the ceiling the app's own layers (HTTP, Nest, the phone's checks) leave.
 */
const WORKERS = Number(process.env.BENCH_CEILING_WORKERS ?? 190);
/** Each phase runs this long after its warm-up (seconds). */
const SECONDS = Number(process.env.BENCH_CEILING_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const GOAL_RATIO = 0.6;
/** The app's pool (apps/api/src/database/data-source-options.ts): the bare statement gets as many connections. */
const POOL_SIZE = (dataSourceOptions('postgres://unused').extra as { max: number }).max;

interface Phone {
  cookie: string;
  deviceTokenHash: string;
  attemptId: string;
  questions: { id: string; options: { id: string }[] }[];
}

interface Phase {
  saves: number;
  perSecond: number;
  latencies: number[];
  notApplied: number;
  /** CPU this process (the load generator, on the same cores) used from the window's start until the last save ended. */
  generatorCpuMs: number;
  /** How busy the machine's cores were meanwhile (0–1), or null off Linux. */
  machineBusy: number | null;
}

/**
 * WORKERS loops, each saving its phone's answers one after another (cycling through the questions and changing the
 * option each round), for the warm-up and then SECONDS; only saves that began and ended inside the measured window
 * count. `save` returns whether the save applied.
 */
async function drive(phones: Phone[], save: (phone: Phone, questionId: string, optionId: string) => Promise<boolean>, onMeasureStart: () => Promise<void>): Promise<Phase> {
  const began = performance.now();
  const measureFrom = began + WARM_UP_SECONDS * 1000;
  const measureUntil = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  let notApplied = 0;
  let generatorCpu = process.cpuUsage();
  let machineBefore = machineCpu();
  const started = (async () => {
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000));
    await onMeasureStart();
    generatorCpu = process.cpuUsage();
    machineBefore = machineCpu();
  })();
  await Promise.all(
    phones.map(async (phone, worker) => {
      for (let n = 0; performance.now() < measureUntil; n += 1) {
        const question = phone.questions[n % phone.questions.length];
        const option = question.options[(worker + Math.floor(n / phone.questions.length)) % question.options.length];
        const start = performance.now();
        const applied = await save(phone, question.id, option.id);
        const end = performance.now();
        if (!applied) notApplied += 1;
        if (start >= measureFrom && end <= measureUntil) latencies.push(end - start);
      }
    }),
  );
  await started;
  const spent = process.cpuUsage(generatorCpu);
  return {
    saves: latencies.length,
    perSecond: latencies.length / SECONDS,
    latencies,
    notApplied,
    generatorCpuMs: (spent.user + spent.system) / 1000,
    machineBusy: machineBusyShare(machineBefore, machineCpu()),
  };
}

async function vacuum(): Promise<void> {
  await withBenchDatabase((db) => db.query('VACUUM (ANALYZE)'));
}

describe('benchmark: the ceiling of a save', () => {
  it(`compares the app's saves per second over HTTP with the bare statement's, ${WORKERS} at a time`, async () => {
    await vacuumBenchDatabase('ceiling');
    const org = await createSpecOrganization({ name: 'อบต.วัดเพดานการบันทึกคำตอบ' });
    const organizer = (await call('POST', '/api/auth/login', { body: org.organizer })).cookie;
    const programs = (await call<{ programs: { id: string; code: string }[] }>('GET', '/api/programs', { cookie: organizer })).body.programs;
    const program = programs.find((p) => p.code === '1.1.1') ?? programs[0];
    const session = (
      await call<{ id: string; joinCode: string; assessments: { id: string; kind: string }[] }>('POST', '/api/sessions', {
        cookie: organizer,
        body: {
          programId: program.id,
          title: 'รุ่นวัดเพดานการบันทึกคำตอบ',
          startsAt: `${nextYear('02-03')}T09:00:00+07:00`,
          endsAt: `${nextYear('02-03')}T16:00:00+07:00`,
          venue: 'ห้องประชุมวัดความเร็ว',
          capacity: WORKERS,
        },
      })
    ).body;
    const pre = session.assessments.find((a) => a.kind === 'pre_test')?.id as string;
    await call('POST', `/api/assessments/${pre}/open`, { cookie: organizer });

    // The room's attempts, joined and started through the API as phones do.
    const phones: Phone[] = await Promise.all(
      Array.from({ length: WORKERS }, async (_, i) => {
        const joined = await call('POST', `/api/join/${session.joinCode}`, { body: { fullName: `ผู้เข้าอบรม วัดเพดาน ${i + 1}`, group: 'citizen' } });
        const attempt = (
          await call<{ id: string; questions: Phone['questions'] }>('POST', `/api/join/${session.joinCode}/assessments/${pre}/attempt`, {
            cookie: joined.cookie,
            body: { attemptNumber: 1 },
          })
        ).body;
        const token = decodeURIComponent(new RegExp(`(?:^|; )${TRAINEE_COOKIE}=([^;]*)`).exec(joined.cookie)?.[1] ?? '');
        if (!token) throw new Error(`no ${TRAINEE_COOKIE} cookie`);
        // As the app stores and compares it (apps/api/src/common/sha256.ts).
        const deviceTokenHash = createHash('sha256').update(token).digest('hex');
        return { cookie: joined.cookie, deviceTokenHash, attemptId: attempt.id, questions: attempt.questions };
      }),
    );

    // (1) The bare statement, on connections that work as the app's do: its role, this organization.
    await vacuum();
    const pool = new Pool({ connectionString: benchDatabaseUrl(), max: POOL_SIZE });
    const working = new WeakSet<PoolClient>();
    /** A pooled connection set up once as the app sets up its own (database/tenancy.ts, workAsAppRole). */
    const appConnection = async (): Promise<PoolClient> => {
      const client = await pool.connect();
      if (!working.has(client)) {
        await client.query(`SELECT set_config('role', $1, false), set_config('app.organization_id', $2, false)`, [APP_ROLE, org.id]);
        working.add(client);
      }
      return client;
    };
    const { bare, bareDbCpu } = await withBenchDatabase(async (db) => {
      let before: Map<number, number> | null = null;
      const bare = await drive(
        phones,
        async (phone, questionId, optionId) => {
          const client = await appConnection();
          try {
            const { rows } = await client.query<{ saved: number }>({
              name: 'attempts.save-answer',
              text: SAVE_ANSWER_SQL,
              values: [phone.attemptId, session.joinCode, phone.deviceTokenHash, questionId, [optionId], new Date()],
            });
            return rows[0].saved === 1;
          } finally {
            client.release();
          }
        },
        async () => {
          before = await backendCpu(db);
        },
      );
      const bareDbCpu = backendCpuSpent(before, await backendCpu(db));
      await pool.end();
      return { bare, bareDbCpu };
    });

    // (2) The app, over HTTP, as many phones at once for as long.
    await vacuum();
    const apiPid = Number(process.env.SUJARIT_SERVER_PID);
    const { app, appDbCpu, nodeCpu } = await withBenchDatabase(async (db) => {
      let dbBefore: Map<number, number> | null = null;
      let nodeBefore: number | null = null;
      const app = await drive(
        phones,
        async (phone, questionId, optionId) => {
          const reply = await call('PUT', `/api/join/${session.joinCode}/attempts/${phone.attemptId}/answers/${questionId}`, {
            cookie: phone.cookie,
            body: { optionIds: [optionId] },
          });
          return reply.status === 204;
        },
        async () => {
          dbBefore = await backendCpu(db);
          nodeBefore = processCpuMs(apiPid);
        },
      );
      const nodeAfter = processCpuMs(apiPid);
      return {
        app,
        appDbCpu: backendCpuSpent(dbBefore, await backendCpu(db)),
        nodeCpu: nodeBefore !== null && nodeAfter !== null ? nodeAfter - nodeBefore : null,
      };
    });

    const ratio = app.perSecond / bare.perSecond;
    const context = `${WORKERS} workers, pool ${POOL_SIZE}, ${SECONDS} s`;
    recordBench([
      { scenario: 'ceiling', measure: `bare statement saves/s (pg, ${context})`, value: bare.perSecond, unit: '/s', limitedBy: 'PostgreSQL and the pg client on the same 2 cores' },
      { scenario: 'ceiling', measure: 'bare statement p95', value: percentile(bare.latencies, 95), unit: 'ms' },
      { scenario: 'ceiling', measure: `app saves/s over HTTP (${context})`, value: app.perSecond, unit: '/s', limitedBy: 'Node (HTTP, Nest), the load generator and PostgreSQL on 2 cores' },
      { scenario: 'ceiling', measure: 'app save p95 over HTTP', value: percentile(app.latencies, 95), unit: 'ms' },
      { scenario: 'ceiling', measure: 'app saves/s ÷ bare statement', value: ratio, unit: 'ratio', goal: `≥ ${GOAL_RATIO}`, met: ratio >= GOAL_RATIO },
      ...(nodeCpu !== null ? [{ scenario: 'ceiling', measure: 'Node CPU per save (API process)', value: nodeCpu / app.saves, unit: 'ms' }] : []),
      ...(appDbCpu !== null ? [{ scenario: 'ceiling', measure: 'PostgreSQL CPU per save (the app)', value: appDbCpu / app.saves, unit: 'ms' }] : []),
      ...(bareDbCpu !== null ? [{ scenario: 'ceiling', measure: 'PostgreSQL CPU per save (bare statement)', value: bareDbCpu / bare.saves, unit: 'ms' }] : []),
      { scenario: 'ceiling', measure: 'load generator CPU per save (HTTP client)', value: app.generatorCpuMs / app.saves, unit: 'ms', limitedBy: 'shares the 2 cores' },
      { scenario: 'ceiling', measure: 'load generator CPU per save (pg client)', value: bare.generatorCpuMs / bare.saves, unit: 'ms', limitedBy: 'shares the 2 cores' },
      // Near 100 % while the app's share stays low means something else on the machine took the cores.
      ...(bare.machineBusy !== null ? [{ scenario: 'ceiling', measure: 'machine CPU busy, bare statement', value: bare.machineBusy * 100, unit: '%' }] : []),
      ...(app.machineBusy !== null ? [{ scenario: 'ceiling', measure: 'machine CPU busy, app over HTTP', value: app.machineBusy * 100, unit: '%' }] : []),
    ]);
    console.log(
      `ceiling: bare statement ${bare.perSecond.toFixed(0)} saves/s, app ${app.perSecond.toFixed(0)} saves/s over HTTP, ratio ${ratio.toFixed(2)} (${context})`,
    );
    // Every save of both phases applied: the figures are of real saves, not of refusals.
    expect({ bare: bare.notApplied, app: app.notApplied }).toEqual({ bare: 0, app: 0 });
    expect(bare.saves).toBeGreaterThan(0);
    expect(app.saves).toBeGreaterThan(0);
  });
});
