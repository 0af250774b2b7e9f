import type { Role } from '@sujarit/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { rowsDigest } from '../support/rows-digest';
import { createSession, openTest, startTestApp, testIdOf, type TestApp, type TestOrganization } from '../support/test-app';

/**
 * Who may do what, written once as a reader would expect it, and checked on every route of the OpenAPI document for
 * everyone who can knock: nobody signed in, a trainee's phone joined to a session, each staff role, and each of
 * those of a second organization holding the first one's ids.
 *
 * - `public`: anyone, signed in or not (signing in, first-run set-up, a certificate's check, a session's page and
 *   check-in by its join code).
 * - `phone`: only the phone joined to that session (its device cookie); anyone else is NOT_JOINED (401).
 * - roles: staff of those roles; nobody signed in 401 UNAUTHENTICATED, another role 403 FORBIDDEN.
 * Another organization's staff (or phone) of an allowed role naming this organization's objects meets 404, the very
 * answer an id of nothing gets: nothing says the object exists.
 */
type Rule = 'public' | 'phone' | Role[];

const ANY_STAFF: Role[] = ['manager', 'organizer', 'admin'];
/** Managers oversee: they read sessions, results, indicators and reports, and change nothing. */
const READERS: Role[] = ['manager', 'organizer', 'admin'];
/** Organizers run the trainings: programs, sessions, tests, question banks, the people registry. */
const RUNNERS: Role[] = ['organizer', 'admin'];
/** The admin alone manages accounts, the organization's profile and the audit trail. */
const ADMIN: Role[] = ['admin'];

const ACCESS: Record<string, Rule> = {
  // Signing in and one's own account
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ANY_STAFF,
  'POST /api/account/password': ANY_STAFF,
  'POST /api/account/sign-out-everywhere': ANY_STAFF,
  'POST /api/account-links/inspect': 'public',
  'POST /api/account-links/redeem': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',

  // The organization and its accounts
  'GET /api/organization': ANY_STAFF,
  'PUT /api/organization': ADMIN,
  'GET /api/organization/logo': ANY_STAFF,
  'PUT /api/organization/logo': ADMIN,
  'DELETE /api/organization/logo': ADMIN,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{id}': ADMIN,
  'POST /api/users/{id}/deactivate': ADMIN,
  'POST /api/users/{id}/reactivate': ADMIN,
  'POST /api/users/{id}/password-link': ADMIN,
  'GET /api/audit-events': ADMIN,

  // Programs, the plan and its templates
  'GET /api/programs': READERS,
  'POST /api/programs': RUNNERS,
  'GET /api/programs/{programId}': READERS,
  'PUT /api/programs/{programId}': RUNNERS,
  'POST /api/programs/{programId}/archive': RUNNERS,
  'POST /api/programs/{programId}/unarchive': RUNNERS,
  'DELETE /api/programs/{programId}': RUNNERS,
  'PUT /api/programs/{programId}/years/{fiscalYear}': RUNNERS,
  'GET /api/plan': READERS,
  'POST /api/plan/copy-year': RUNNERS,
  'GET /api/program-templates': RUNNERS,
  'POST /api/program-templates/{templateId}/apply': RUNNERS,

  // Sessions
  'POST /api/sessions': RUNNERS,
  'GET /api/sessions': READERS,
  'GET /api/sessions/{id}': READERS,
  'GET /api/sessions/{id}/live': READERS,
  'PATCH /api/sessions/{id}': RUNNERS,
  'POST /api/sessions/{id}/status': RUNNERS,
  'DELETE /api/sessions/{id}': RUNNERS,
  'GET /api/sessions/{id}/attendees': READERS,
  'POST /api/sessions/{id}/expenses': RUNNERS,
  'DELETE /api/sessions/{id}/expenses/{expenseId}': RUNNERS,
  'GET /api/join-address': READERS,
  'GET /api/sessions/{id}/attendance-sheet.pdf': RUNNERS,
  'GET /api/sessions/{id}/attendance-sheet.xlsx': RUNNERS,
  'GET /api/sessions/{id}/attendance-sheet.html': RUNNERS,

  // Enrolments and the people registry (names, phones, guardians: the organizers who run the sessions)
  'GET /api/sessions/{id}/enrolments': RUNNERS,
  'POST /api/sessions/{id}/enrolments': RUNNERS,
  'PATCH /api/enrolments/{enrolmentId}': RUNNERS,
  'POST /api/enrolments/{enrolmentId}/release-phone': RUNNERS,
  'POST /api/sessions/{id}/enrolments/import/preview': RUNNERS,
  'POST /api/sessions/{id}/enrolments/import/confirm': RUNNERS,
  'GET /api/enrolments/import-template.csv': RUNNERS,
  'GET /api/people': RUNNERS,
  'POST /api/people': RUNNERS,
  'GET /api/people/duplicates': RUNNERS,
  'POST /api/people/merge': RUNNERS,
  'GET /api/people/{id}': RUNNERS,
  'PATCH /api/people/{id}': RUNNERS,
  'POST /api/people/{id}/erase': RUNNERS,

  // Tests and question banks (the keys stay with the organizers)
  'GET /api/assessments/{id}': READERS,
  'PUT /api/assessments/{id}': RUNNERS,
  'DELETE /api/assessments/{id}': RUNNERS,
  'POST /api/assessments/{id}/open': RUNNERS,
  'POST /api/assessments/{id}/close': RUNNERS,
  'POST /api/sessions/{id}/assessments': RUNNERS,
  'GET /api/assessments/{id}/survey-results': READERS,
  'GET /api/assessments/{id}/item-analysis': READERS,
  'GET /api/programs/{programId}/survey-results': READERS,
  'GET /api/programs/{programId}/questions': RUNNERS,
  'POST /api/programs/{programId}/questions': RUNNERS,
  'PUT /api/questions/{id}': RUNNERS,
  'DELETE /api/questions/{id}': RUNNERS,
  'POST /api/programs/{programId}/questions/import/gift/preview': RUNNERS,
  'POST /api/programs/{programId}/questions/import/xml/preview': RUNNERS,
  'POST /api/programs/{programId}/questions/import/csv/preview': RUNNERS,
  'POST /api/programs/{programId}/questions/import': RUNNERS,
  'GET /api/questions/import-template.csv': RUNNERS,
  'GET /api/programs/{programId}/questions/export': RUNNERS,

  // Results, indicators, reports, exports and certificates
  'GET /api/indicators': READERS,
  'GET /api/indicators/trend': READERS,
  'GET /api/indicators/programs/{programId}/years/{fiscalYear}': READERS,
  'GET /api/indicators/programs/{programId}/years/{fiscalYear}/people/{personId}/attempts': READERS,
  'GET /api/reports/programs/{programId}/years/{fiscalYear}.pdf': READERS,
  'GET /api/reports/plan.pdf': READERS,
  'GET /api/exports/sessions': READERS,
  'GET /api/exports/attendees': READERS,
  'GET /api/exports/indicators': READERS,
  'GET /api/exports/assessments/{id}/item-analysis': READERS,
  'GET /api/exports/assessments/{id}/survey-results': READERS,
  'GET /api/exports/survey-results': READERS,
  'GET /api/sessions/{id}/certificates': READERS,
  'GET /api/sessions/{id}/certificates.pdf': READERS,
  'GET /api/sessions/{id}/certificates/{personId}/certificate.pdf': READERS,
  'POST /api/sessions/{id}/certificates/{personId}/withdraw': RUNNERS,
  'GET /api/certificates/verify/{code}': 'public',

  // The trainee's phone
  'GET /api/join/{code}': 'public',
  'POST /api/join/{code}': 'public',
  'POST /api/join/{code}/assessments/{assessmentId}/attempt': 'phone',
  'PUT /api/join/{code}/attempts/{attemptId}/answers/{questionId}': 'phone',
  'POST /api/join/{code}/attempts/{attemptId}/submit': 'phone',
  'GET /api/join/{code}/attempts/{attemptId}/review': 'phone',
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Actor = 'anonymous' | 'phone' | Role;
const ACTORS: Actor[] = ['anonymous', 'phone', 'manager', 'organizer', 'admin'];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, unknown> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** What one organization holds that routes name. */
interface World {
  code: string;
  fiscalYear: number;
  program: string;
  session: string;
  preTest: string;
  postTest: string;
  question: string;
  person: string;
  enrolment: string;
  expense: string;
  user: string;
  attempt: string;
  attemptQuestion: string;
  attemptOption: string;
}

/**
 * What a path parameter names, by the segment before it: a field of the world, `test` (the open pre-test on a phone,
 * the post-test nobody began for staff), or what is nobody's own (a template, a certificate's code).
 */
const ID_BY_SEGMENT: Record<string, keyof World | 'test' | 'template' | 'certificateCode'> = {
  programs: 'program',
  sessions: 'session',
  assessments: 'test',
  questions: 'question',
  people: 'person',
  enrolments: 'enrolment',
  expenses: 'expense',
  users: 'user',
  attempts: 'attempt',
  answers: 'attemptQuestion',
  certificates: 'person',
  join: 'code',
  years: 'fiscalYear',
  'program-templates': 'template',
  verify: 'certificateCode',
};

/** What a probe should meet. */
type Expected = { kind: 'allowed' } | { kind: 'denied'; status: 401 | 403; code: string } | { kind: 'hidden' };

function expectationOf(rule: Rule, actor: Actor, foreign: boolean, namesObjects: boolean): Expected {
  if (rule === 'public') return { kind: 'allowed' };
  if (rule === 'phone') {
    if (actor !== 'phone') return { kind: 'denied', status: 401, code: 'NOT_JOINED' };
    return foreign ? { kind: 'hidden' } : { kind: 'allowed' };
  }
  if (actor === 'anonymous' || actor === 'phone') return { kind: 'denied', status: 401, code: 'UNAUTHENTICATED' };
  if (!rule.includes(actor)) return { kind: 'denied', status: 403, code: 'FORBIDDEN' };
  return foreign && namesObjects ? { kind: 'hidden' } : { kind: 'allowed' };
}

/** Routes that end the agent's signed-in session: its role signs in again after them. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/account/sign-out-everywhere']);

describe('who may do what, on every route', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let own: TestOrganization;
  let other: TestOrganization;
  let mine: World;
  let theirs: World;
  const agents: Record<'own' | 'other', Record<Actor, TestAgent>> = { own: {} as Record<Actor, TestAgent>, other: {} as Record<Actor, TestAgent> };

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    own = await t.createOrganization();
    other = await t.createOrganization();
    for (const [side, org] of [
      ['own', own],
      ['other', other],
    ] as const) {
      for (const role of ['manager', 'organizer', 'admin'] as const) agents[side][role] = await org.login(role);
      agents[side].anonymous = t.http();
    }
    ({ world: mine, phone: agents.own.phone } = await furnish(own));
    ({ world: theirs, phone: agents.other.phone } = await furnish(other));
  }, 60_000);

  afterAll(() => t.close());

  /** A session with an open pre-test, a person enrolled with a certificate, an expense, and a phone that started. */
  async function furnish(org: TestOrganization): Promise<{ world: World; phone: TestAgent }> {
    const organizer = await org.login('organizer');
    const admin = await org.login('admin');
    const session = await createSession(organizer, '1.1.1');
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string; code: string }[];
    const program = programs.find((p) => p.code === '1.1.1')?.id as string;
    const person = (await organizer.post('/api/people').send({ fullName: 'สมศรี สิทธิ์ทดสอบ', group: 'citizen' }).expect(201)).body.person.id as string;
    const enrolled = (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person }).expect(201)).body;
    const expense = (await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าอาหารว่าง', amountBaht: 500 }).expect(201)).body;
    const bank = (await organizer.get(`/api/programs/${program}/questions`).expect(200)).body.questions as { id: string; type: string }[];
    const users = (await admin.get('/api/users').expect(200)).body.users as { id: string; role: string }[];
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมชาย ผู้เข้าอบรม', group: 'staff' }).expect(200);
    await organizer.get(`/api/sessions/${session.id}/certificates.pdf`).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({ attemptNumber: 1 }).expect(200))
      .body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    return {
      phone,
      world: {
        code: session.joinCode,
        fiscalYear: session.fiscalYear,
        program,
        session: session.id,
        preTest: testIdOf(session, 'pre_test'),
        postTest: testIdOf(session, 'post_test'),
        question: bank.find((q) => q.type === 'single_choice')?.id as string,
        person,
        enrolment: (enrolled.enrolments as { id: string }[])[0].id,
        expense: (expense.expenses as { id: string }[])[0].id,
        user: users.find((u) => u.role === 'manager')?.id as string,
        attempt: attempt.id,
        attemptQuestion: attempt.questions[0].id,
        attemptOption: attempt.questions[0].options[0].id,
      },
    };
  }

  const isTraineeRoute = (path: string) => path.startsWith('/api/join/');

  /** The value of a path parameter from a world; a test is the open pre-test on a phone, the unstarted post-test for staff. */
  function paramValue(world: World, path: string, param: string): string {
    const segments = path.split('/');
    const at = segments.findIndex((s) => s === `{${param}}` || s.startsWith(`{${param}}.`));
    const segment = segments[at - 1];
    const names = ID_BY_SEGMENT[segment];
    if (!names) throw new Error(`${path}: say in ID_BY_SEGMENT what {${param}} names`);
    if (names === 'template') return 'pron-integrity-plan-2566-2570';
    if (names === 'certificateCode') return 'ACDEFGHJKMNP';
    if (names === 'test') return isTraineeRoute(path) ? world.preTest : world.postTest;
    if (names === 'question' && isTraineeRoute(path)) return world.attemptQuestion;
    return String(world[names]);
  }

  /** Whether a route names an object of one organization (in its path or its query), so another's ids can be tried. */
  function namesObjects(path: string, op: Operation): boolean {
    const organizationIds = (op.parameters ?? []).filter(
      (p) => (p.in === 'path' && !['code', 'fiscalYear', 'templateId'].includes(p.name)) || (p.in === 'query' && p.name === 'programId' && p.required),
    );
    return organizationIds.length > 0 || (isTraineeRoute(path) && path !== '/api/join/{code}');
  }

  /**
   * The URL of a route. Ids come from `world` (or are UUIDs of nothing with `nothing`); the join code is `codeFrom`'s,
   * as a phone's cookie is sent only under its own session's path.
   */
  function urlOf(path: string, op: Operation, world: World, codeFrom: World, nothing = false): string {
    const filled = path.replace(/\{([^}]+)\}/g, (_m, param: string) => {
      if (param === 'code') return codeFrom.code;
      const value = paramValue(world, path, param);
      const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value);
      return nothing && isId ? randomUUID() : value;
    });
    const query = (op.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => {
        if (p.name === 'programId') return `programId=${nothing ? randomUUID() : world.program}`;
        if (p.name === 'fiscalYear') return `fiscalYear=${world.fiscalYear}`;
        if (p.name === 'format') return 'format=csv';
        throw new Error(`${path}: no value for the required query parameter ${p.name}`);
      });
    return query.length > 0 ? `${filled}?${query.join('&')}` : filled;
  }

  /**
   * A body that passes validation, for the requests that must get past it to be refused by the rule (a phone not
   * joined, another organization's object); ids in it are `world`'s.
   */
  function validBody(route: string, world: World): object | undefined {
    const day = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const question = {
      topic: 'ความรู้ทั่วไป',
      type: 'single_choice',
      stem: 'ข้อใดถูกต้อง',
      options: [
        { text: 'ถูก', weight: 100 },
        { text: 'ผิด', weight: 0 },
      ],
      explanation: 'เพราะถูก',
      points: 1,
    };
    const bodies: Record<string, object> = {
      'PUT /api/programs/{programId}': { code: 'AM-1', name: 'โครงการยึด', audience: 'ประชาชน', ownerUnit: 'สำนักปลัด', description: '' },
      'PUT /api/programs/{programId}/years/{fiscalYear}': {
        targetHeadcount: 10,
        sessionsRequired: 1,
        budgetBaht: 1000,
        passMarkPercent: 60,
        targetPassRatePercent: 80,
        indicatorBasis: 'pass_rate',
        ownerUnit: 'สำนักปลัด',
      },
      'PATCH /api/sessions/{id}': { title: 'รุ่นยึด', startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T16:00:00+07:00`, venue: 'ห้องประชุม', capacity: 50 },
      'POST /api/sessions/{id}/status': { status: 'cancelled' },
      'POST /api/sessions/{id}/expenses': { item: 'ค่าเอกสาร', amountBaht: 120 },
      'POST /api/sessions/{id}/enrolments': { personId: world.person },
      'PATCH /api/enrolments/{enrolmentId}': { status: 'absent' },
      'POST /api/sessions/{id}/enrolments/import/confirm': {
        rows: [{ line: 2, fullName: 'สมปอง นำเข้า', group: 'citizen', village: 2, school: null, ageBand: null, phone: null, guardianName: null }],
      },
      'PATCH /api/people/{id}': { fullName: 'สมศรี แก้ไขแล้ว', group: 'citizen', village: 4, school: null, ageBand: null, phone: null, guardianName: null },
      'POST /api/programs/{programId}/questions': question,
      'PUT /api/questions/{id}': question,
      'POST /api/programs/{programId}/questions/import': { questions: [question] },
      'PATCH /api/users/{id}': { displayName: 'ชื่อใหม่ ทดสอบ', role: 'organizer', unit: 'กองช่าง' },
      'POST /api/sessions/{id}/certificates/{personId}/withdraw': { reason: 'ออกให้ผิดคน' },
      'PUT /api/assessments/{id}': {
        title: 'แบบทดสอบหลังอบรม',
        opensAt: null,
        closesAt: null,
        timeLimitMinutes: 30,
        shuffleQuestions: true,
        shuffleOptions: false,
        attemptsAllowed: 1,
        resultsVisibility: 'on_submit',
        reviewVisibility: 'after_close',
        selection: { mode: 'fixed', questionIds: [world.question] },
      },
      'POST /api/sessions/{id}/assessments': { title: 'แบบสำรวจ', selection: { mode: 'fixed', questionIds: [world.question] } },
      'POST /api/join/{code}/assessments/{assessmentId}/attempt': { attemptNumber: 1 },
      'PUT /api/join/{code}/attempts/{attemptId}/answers/{questionId}': { optionIds: [world.attemptOption] },
      'POST /api/join/{code}/attempts/{attemptId}/submit': { answers: {} },
    };
    return bodies[route];
  }

  /** A multipart body for the uploads, which must pass the file's checks to meet the object's. */
  const uploads: Record<string, { name: string; content: Buffer }> = {
    'POST /api/programs/{programId}/questions/import/gift/preview': { name: 'bank.gift', content: Buffer.from('::ข้อ 1:: ข้อใดถูก {=ถูก ~ผิด}\n') },
    'POST /api/programs/{programId}/questions/import/xml/preview': { name: 'bank.xml', content: Buffer.from('<?xml version="1.0"?><quiz></quiz>') },
    'POST /api/programs/{programId}/questions/import/csv/preview': { name: 'bank.csv', content: Buffer.from('topic,type,stem\n') },
    'POST /api/sessions/{id}/enrolments/import/preview': { name: 'list.csv', content: Buffer.from('ชื่อ-นามสกุล,กลุ่ม\nสมศรี ใจดี,ประชาชน\n') },
  };

  async function send(agent: TestAgent, method: Method, url: string, route: string, body: object | undefined): Promise<Response> {
    let request = agent[method](url).timeout(20_000);
    if (route.endsWith('/submit')) request = request.set('Idempotency-Key', randomUUID());
    const upload = uploads[route];
    if (upload && body !== undefined) return request.attach('file', upload.content, upload.name);
    return body === undefined ? request : request.send(body);
  }

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method as Method, path, op, route: `${method.toUpperCase()} ${path}` })),
    );

  it('has a rule for every route of the OpenAPI document, and none for a route that is gone', () => {
    const documented = operations().map((o) => o.route).sort();
    expect(documented.filter((route) => !(route in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('refuses whoever the rule leaves out (401, 403; another organization 404 as for nothing) and changes nothing', async () => {
    const before = await rowsDigest(t.db, [own.id, other.id]);
    const wrong: string[] = [];
    let probes = 0;
    let hidden = 0;
    for (const { method, path, op, route } of operations()) {
      const rule = ACCESS[route];
      for (const side of ['own', 'other'] as const) {
        for (const actor of ACTORS) {
          if (side === 'other' && actor === 'anonymous') continue;
          const expected = expectationOf(rule, actor, side === 'other', namesObjects(path, op));
          if (expected.kind === 'allowed') continue;
          const world = side === 'own' ? mine : theirs;
          // The objects are always the first organization's; a phone knocks under its own session's code.
          const url = urlOf(path, op, mine, actor === 'phone' ? world : mine);
          const body = validBody(route, world) ?? (op.requestBody ? {} : undefined);
          const response = await send(agents[side][actor], method, url, route, body);
          probes++;
          const who = `${route} as ${side === 'other' ? "another organization's " : ''}${actor}`;
          if (expected.kind === 'denied') {
            if (response.status !== expected.status || response.body.code !== expected.code) {
              wrong.push(`${who}: ${response.status} ${response.body.code}, expected ${expected.status} ${expected.code}`);
            }
            continue;
          }
          // Hidden: the same answer as for ids of nothing.
          hidden++;
          const nothing = await send(agents[side][actor], method, urlOf(path, op, mine, actor === 'phone' ? world : mine, true), route, body);
          if (response.status !== 404 || response.body.code !== nothing.body.code || nothing.status !== 404) {
            wrong.push(`${who}: ${response.status} ${response.body.code}, for ids of nothing ${nothing.status} ${nothing.body.code}; expected 404 alike`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(probes).toBeGreaterThan(400);
    expect(hidden).toBeGreaterThan(100);
    expect(await rowsDigest(t.db, [own.id, other.id])).toEqual(before);
  }, 240_000);

  it('lets whoever the rule names past the guard', async () => {
    const wrong: string[] = [];
    // Signing out goes last, so the agents keep their sessions until then.
    const ordered = operations().sort((a, b) => Number(ENDS_SESSION.has(a.route)) - Number(ENDS_SESSION.has(b.route)));
    for (const { method, path, op, route } of ordered) {
      const rule = ACCESS[route];
      for (const side of ['own', 'other'] as const) {
        for (const actor of ACTORS) {
          if (side === 'other' && actor === 'anonymous') continue;
          const objects = namesObjects(path, op);
          if (expectationOf(rule, actor, side === 'other', objects).kind !== 'allowed') continue;
          const world = side === 'own' ? mine : theirs;
          // A body that fails validation, past the guard: nothing is written. A write without a body is sent for
          // ids of nothing (it would be done otherwise): its 404 shows the service looked, past the guard.
          const writesWithoutBody = method !== 'get' && !op.requestBody;
          const nothing = writesWithoutBody && objects;
          const url = urlOf(path, op, world, world, nothing);
          const body = op.requestBody ? (uploads[route] ? undefined : { probe: 1 }) : undefined;
          const response = await send(agents[side][actor], method, url, route, body);
          const who = `${route} as ${side === 'other' ? "another organization's " : ''}${actor}`;
          const refused = response.status === 401 || response.status === 403 || response.status >= 500;
          // Its own organization's objects are found.
          const lost = objects && !nothing && response.status === 404;
          if (refused || lost) wrong.push(`${who}: ${response.status} ${response.body.code}`);
          if (ENDS_SESSION.has(route) && actor !== 'anonymous' && actor !== 'phone') {
            agents[side][actor] = await (side === 'own' ? own : other).login(actor);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
