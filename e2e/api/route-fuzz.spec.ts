import type { LoggerService } from '@nestjs/common';
import * as contracts from '@sujarit/contracts';
import { ApiErrorSchema, JOIN_CODE_ALPHABET } from '@sujarit/contracts';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { ZodType } from 'zod';
import { createSession, openTest, startTestApp, testIdOf, type TestApp, type TestOrganization } from '../support/test-app';
import { rowsDigest } from '../support/rows-digest';
import { createSiblingDatabase } from '../support/test-database';

/**
 * Every route of the OpenAPI document, sent hostile but well-formed requests derived from its own parameters and
 * request body schema: ids that are no UUIDs, UUIDs of nothing and of another organization's objects, bodies with
 * wrong types, missing and extra fields, 100 KB strings, numbers out of range (1e308, -0 where 0 is refused, 2^53+1
 * past a maximum), 10,000-item arrays, deep nesting, invisible text and right-to-left overrides, NUL bytes and lone
 * surrogates (in a field, a key, the path and the query), stacked combining marks and emoji joined by zero-width
 * joiners where a value has a form, repeated and unknown query keys, broken uploads. Each must be
 * refused with a 4xx whose body is `{ code, message }` (a known code, a Thai message), change no row of either
 * organization, and leave no error in the log; never a 5xx.
 */

interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
  responses: Record<string, { description?: string }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Payload =
  | { kind: 'json'; value: object }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'multipart'; files: { field: string; content: Buffer; name: string }[]; fields?: [string, string][] };

interface HostileCase {
  what: string;
  url: string;
  payload?: Payload;
  headers?: Record<string, string>;
  /** A well-formed request that may find nothing or an empty preview: any answer but a 5xx will do. */
  harmless?: boolean;
}

/** What a test organization holds that routes take as parameters. */
interface World {
  program: string;
  fiscalYear: number;
  session: string;
  joinCode: string;
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

type Kind = 'program' | 'session' | 'assessment' | 'question' | 'person' | 'enrolment' | 'expense' | 'user' | 'attempt' | 'joinCode' | 'template' | 'fiscalYear' | 'certificateCode';

/** The kind of object a path parameter names, by the path segment before it. */
const KIND_BY_SEGMENT: Record<string, Kind> = {
  programs: 'program',
  sessions: 'session',
  assessments: 'assessment',
  questions: 'question',
  answers: 'question',
  people: 'person',
  enrolments: 'enrolment',
  expenses: 'expense',
  users: 'user',
  attempts: 'attempt',
  join: 'joinCode',
  'program-templates': 'template',
  years: 'fiscalYear',
  // /api/sessions/{id}/certificates/{personId}/…: a person of the session.
  certificates: 'person',
  verify: 'certificateCode',
};

/** Body fields that name an object of the organization, for the "another organization's" case. */
const KIND_BY_FIELD: Record<string, Kind> = { programId: 'program', personId: 'person', questionIds: 'question' };

/** Requests come from an address of their own (behind TRUST_PROXY): the wrong codes they send throttle no other test. */
const ADDRESS = '198.51.100.77';
const HUGE = 'ก'.repeat(35_000); // 105 KB of UTF-8
const MARKS_ONLY = '\u0e31\u0e34\u0e48\u0e4c'; // Thai vowel and tone marks with no consonant to sit on
const ZERO_WIDTH_ONLY = '\u200b\u200c\u200d\u2060';
const RTL_OVERRIDE = '\u202efdp.exe';
const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
/** Latin letters under 200 stacked accents each ("Zalgo" text): valid Unicode, nothing like a UUID, a date or a code. */
const STACKED_MARKS = `Z${'\u0301\u0316\u0334'.repeat(200)}`;
/** A family emoji: four people joined by zero-width joiners, one glyph on screen. */
const EMOJI_ZWJ = '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}';
/** Latin combining marks with no letter to sit on: nothing visible (as short as the other invisible texts). */
const COMBINING_ONLY = '\u0301\u0302\u0303\u0308';
/**
 * Numbers JSON.stringify cannot write as they are (-0 comes out as 0; 2^53+1 is no double): a string stands for
 * each in the body and is swapped for the bare number in the text sent.
 */
const RAW_NUMBERS: Record<string, string> = { '\u0000raw:-0': '-0', '\u0000raw:2^53+1': '9007199254740993' };
const MINUS_ZERO = '\u0000raw:-0';
const TWO_POW_53_PLUS_1 = '\u0000raw:2^53+1';
/** The body's JSON text, with the numbers of RAW_NUMBERS written bare. */
const jsonText = (value: unknown): string =>
  Object.entries(RAW_NUMBERS).reduce((text, [stand, bare]) => text.split(JSON.stringify(stand)).join(bare), JSON.stringify(value));
const THAI = /[\u0e01-\u0e5b]/;
const REMOVE = Symbol('remove');

function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}

describe('every route refuses hostile input with a 4xx and changes nothing', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const logged: string[] = [];
  const capture = (level: string) => (message: unknown, ...rest: unknown[]) => {
    logged.push(`${level} ${[message, ...rest].map(String).join(' ')}`);
  };
  const logger: LoggerService = { log: capture('log'), error: capture('error'), warn: capture('warn'), debug: capture('debug'), verbose: capture('verbose') };
  let stderr: jest.SpyInstance;

  let own: TestOrganization;
  let foreignOrg: TestOrganization;
  let mine: World;
  let theirs: World;
  let agents: Record<'admin' | 'organizer' | 'manager', TestAgent>;
  let phone: TestAgent;
  let templateId: string;
  let linkToken: string;

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp();
    t.app.useLogger(logger);
    stderr = jest.spyOn(process.stderr, 'write');
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;

    own = await t.createOrganization();
    foreignOrg = await t.createOrganization();
    agents = { admin: await own.login('admin'), organizer: await own.login('organizer'), manager: await own.login('manager') };
    ({ world: mine, phone } = await furnish(own));
    ({ world: theirs } = await furnish(foreignOrg));
    templateId = ((await agents.organizer.get('/api/program-templates').expect(200)).body.templates as { id: string }[])[0].id;
    const invited = await agents.admin.post('/api/users').send({ displayName: 'ผู้ได้รับเชิญ ทดสอบ', email: `invited-${randomUUID().slice(0, 8)}@test.example`, role: 'manager' }).expect(201);
    const url = invited.body.link.url as string;
    linkToken = url.slice(url.indexOf('#') + 1);
  }, 60_000);

  afterAll(async () => {
    stderr.mockRestore();
    await t.close();
  });

  /** A session with an open pre-test, a person enrolled, an expense, and a phone that checked in and started. */
  async function furnish(org: TestOrganization): Promise<{ world: World; phone: TestAgent }> {
    const organizer = await org.login('organizer');
    const admin = await org.login('admin');
    const session = await createSession(organizer, '1.1.1');
    const programs = (await organizer.get('/api/programs').expect(200)).body as { fiscalYear: number; programs: { id: string; code: string }[] };
    const program = present(programs.programs.find((p) => p.code === '1.1.1'), 'program 1.1.1').id;
    const person = (await organizer.post('/api/people').send({ fullName: 'สมศรี รายชื่อ', group: 'citizen' }).expect(201)).body.person.id as string;
    const enrolled = (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: person }).expect(201)).body;
    const expense = (await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าอาหารว่าง', amountBaht: 500 }).expect(201)).body;
    const bank = (await organizer.get(`/api/programs/${program}/questions`).expect(200)).body.questions as { id: string; type: string }[];
    const question = present(
      bank.find((q) => q.type === 'single_choice'),
      'a single choice question',
    ).id;
    const user = present(((await admin.get('/api/users').expect(200)).body.users as { id: string; role: string }[]).find((u) => u.role === 'manager'), 'a manager').id;
    await openTest(organizer, session, 'pre_test');
    const trainee = t.http();
    await trainee.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมชาย ผู้เข้าอบรม', group: 'staff' }).expect(200);
    // The phone's person attended, so earns a certificate: issued here, so a PDF asked for again writes nothing.
    await organizer.get(`/api/sessions/${session.id}/certificates.pdf`).expect(200);
    const attempt = (
      await trainee.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({ attemptNumber: 1 }).expect(200)
    ).body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    return {
      phone: trainee,
      world: {
        program,
        fiscalYear: session.fiscalYear,
        session: session.id,
        joinCode: session.joinCode,
        preTest: testIdOf(session, 'pre_test'),
        postTest: testIdOf(session, 'post_test'),
        question,
        person,
        enrolment: (enrolled.enrolments as { id: string }[])[0].id,
        expense: (expense.expenses as { id: string }[])[0].id,
        user,
        attempt: attempt.id,
        attemptQuestion: attempt.questions[0].id,
        attemptOption: attempt.questions[0].options[0].id,
      },
    };
  }

  function valueOf(world: World, kind: Kind, path: string): string {
    const trainee = path.startsWith('/api/join/');
    switch (kind) {
      case 'program':
        return world.program;
      case 'session':
        return world.session;
      case 'assessment':
        // The trainee starts the open pre-test; the organizer's settings are tried on the post-test nobody began.
        return trainee ? world.preTest : world.postTest;
      case 'question':
        return trainee ? world.attemptQuestion : world.question;
      case 'person':
        return world.person;
      case 'enrolment':
        return world.enrolment;
      case 'expense':
        return world.expense;
      case 'user':
        return world.user;
      case 'attempt':
        return world.attempt;
      case 'joinCode':
        return world.joinCode;
      case 'template':
        return templateId;
      case 'fiscalYear':
        return String(world.fiscalYear);
      case 'certificateCode':
        return 'ACDEFGHJKMNP';
    }
  }

  function kindOf(path: string, param: string): Kind {
    const segments = path.split('/');
    // A parameter may carry a file extension in its segment ({fiscalYear}.pdf).
    const at = segments.findIndex((segment) => segment === `{${param}}` || segment.startsWith(`{${param}}.`));
    const kind = KIND_BY_SEGMENT[segments[at - 1]];
    if (!kind) throw new Error(`${path}: no fixture for {${param}}; add its kind to KIND_BY_SEGMENT`);
    return kind;
  }

  /** A valid body for each route that takes JSON, for the organization `mine`: each case then spoils one thing. */
  function baselineOf(method: Method, path: string): object | undefined {
    const year = mine.fiscalYear;
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
    const targets = { targetHeadcount: 10, sessionsRequired: 1, budgetBaht: 1000.5, passMarkPercent: 60, targetPassRatePercent: 80, indicatorBasis: 'pass_rate' };
    const details = { code: 'FZ-1', name: 'โครงการทดสอบ', audience: 'ประชาชน', ownerUnit: 'สำนักปลัด', description: 'รายละเอียด' };
    const baselines: Record<string, object> = {
      'PUT /api/organization': { name: 'องค์การบริหารส่วนตำบลทดสอบ', shortName: 'อบต.ทดสอบ', nameEn: 'Test', province: 'นราธิวาส', address: 'ที่อยู่', signatoryName: 'นายก', signatoryPosition: 'นายก อบต.' },
      'POST /api/auth/login': { email: own.email('organizer'), password: 'not-the-password' },
      'POST /api/account/password': { currentPassword: own.password, newPassword: 'a-new-password-for-the-test' },
      'POST /api/programs': { ...details, year: { fiscalYear: year, ...targets } },
      'PUT /api/programs/{programId}': details,
      'PUT /api/programs/{programId}/years/{fiscalYear}': { ...targets, ownerUnit: 'สำนักปลัด' },
      'POST /api/sessions': {
        programId: mine.program,
        title: 'รุ่นทดสอบ',
        startsAt: `${day}T09:00:00+07:00`,
        endsAt: `${day}T16:00:00+07:00`,
        venue: 'ห้องประชุม',
        capacity: 50,
        speakers: [{ name: 'วิทยากร', affiliation: 'อำเภอ' }],
        notes: 'หมายเหตุ',
        allowWalkIns: true,
        requireCheckInCode: false,
        status: 'draft',
      },
      'PATCH /api/sessions/{id}': {
        title: 'รุ่นทดสอบ',
        startsAt: `${day}T09:00:00+07:00`,
        endsAt: `${day}T16:00:00+07:00`,
        venue: 'ห้องประชุม',
        capacity: 50,
        speakers: [{ name: 'วิทยากร', affiliation: 'อำเภอ' }],
        notes: 'หมายเหตุ',
        allowWalkIns: true,
        requireCheckInCode: false,
      },
      'POST /api/sessions/{id}/status': { status: 'cancelled' },
      'POST /api/sessions/{id}/expenses': { item: 'ค่าเอกสาร', amountBaht: 120.25 },
      'POST /api/join/{code}': { fullName: 'สมหญิง เยาวชน', group: 'youth', ageBand: '15_17', guardianName: 'นายผู้ปกครอง', checkInCode: null },
      'POST /api/join/{code}/assessments/{assessmentId}/attempt': { attemptNumber: 1 },
      'PUT /api/join/{code}/attempts/{attemptId}/answers/{questionId}': { optionIds: [mine.attemptOption] },
      'POST /api/join/{code}/attempts/{attemptId}/submit': { answers: { [mine.attemptQuestion]: [mine.attemptOption] } },
      'POST /api/plan/copy-year': { fromFiscalYear: year, toFiscalYear: year + 1, overwrite: false },
      'POST /api/people': { fullName: 'เด็กชายทดสอบ ระบบ', group: 'youth', village: 3, school: 'โรงเรียนบ้านพร่อน', ageBand: '12_14', phone: '0812345678', guardianName: 'นางผู้ปกครอง' },
      'PATCH /api/people/{id}': { fullName: 'สมศรี แก้ไขแล้ว', group: 'citizen', village: 4, school: null, ageBand: null, phone: '0812345678', guardianName: null },
      'POST /api/programs/{programId}/questions': question,
      'PUT /api/questions/{id}': question,
      'POST /api/programs/{programId}/questions/import': { questions: [question] },
      'POST /api/sessions/{id}/enrolments': { personId: mine.person },
      // Valid by its schema; a person merged into itself is refused by the rule, so no case can merge anyone.
      'POST /api/people/merge': { keepId: mine.person, mergeIds: [mine.person] },
      'PATCH /api/enrolments/{enrolmentId}': { status: 'absent' },
      'POST /api/sessions/{id}/certificates/{personId}/withdraw': { reason: 'ออกให้ผิดคน' },
      'POST /api/sessions/{id}/enrolments/import/confirm': {
        rows: [{ line: 2, fullName: 'สมปอง นำเข้า', group: 'citizen', village: 2, school: null, ageBand: null, phone: null, guardianName: null }],
      },
      'POST /api/users': { displayName: 'ผู้ใช้ใหม่ ทดสอบ', email: 'new-user@test.example', role: 'organizer', unit: 'กองคลัง' },
      'PATCH /api/users/{id}': { displayName: 'ชื่อใหม่ ทดสอบ', role: 'organizer', unit: 'กองช่าง' },
      'POST /api/account-links/inspect': { token: linkToken },
      'POST /api/account-links/redeem': { token: linkToken, password: 'a-new-password-for-the-test' },
      'PUT /api/assessments/{id}': {
        title: 'แบบทดสอบหลังอบรม',
        opensAt: `${day}T09:00:00+07:00`,
        closesAt: `${day}T16:00:00+07:00`,
        timeLimitMinutes: 30,
        shuffleQuestions: true,
        shuffleOptions: false,
        attemptsAllowed: 2,
        resultsVisibility: 'on_submit',
        reviewVisibility: 'after_close',
        selection: { mode: 'fixed', questionIds: [mine.question] },
      },
      'POST /api/sessions/{id}/assessments': { title: 'แบบสำรวจติดตามผล', selection: { mode: 'fixed', questionIds: [mine.question] } },
      'POST /api/setup': {
        organization: { name: 'องค์การบริหารส่วนตำบลทดสอบ', shortName: 'อบต.ทดสอบ', province: 'นราธิวาส' },
        admin: { displayName: 'ผู้ดูแล ทดสอบ', email: 'first-admin@test.example', password: 'ระบบสุจริตของตำบลทดสอบ' },
        templateId,
      },
    };
    return baselines[`${method.toUpperCase()} ${path}`];
  }

  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? present(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], schema.$ref) : schema);

  /** The alternative of a oneOf/anyOf that the value is an instance of (a discriminated union's member). */
  function alternativeFor(schema: JsonSchema, value: unknown): JsonSchema {
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (!alternatives) return schema;
    const fits = (alt: JsonSchema) =>
      typeof value === 'object' &&
      value !== null &&
      Object.entries(value).every(([key, v]) => alt.properties?.[key] && (alt.properties[key].enum?.includes(v) ?? true));
    return resolve(alternatives.find(fits) ?? alternatives[0]);
  }

  function withValueAt(root: unknown, path: (string | number)[], value: unknown): unknown {
    if (path.length === 0) return value;
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (value === REMOVE) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else node[last] = value;
    return copy;
  }

  /** One case per way to spoil each field of the body, the rest kept valid. */
  function fieldCases(root: object, schema: JsonSchema, value: unknown, path: (string | number)[], required: boolean): { what: string; body: unknown }[] {
    const s = resolve(schema);
    const cases: { what: string; body: unknown }[] = [];
    const name = path.filter((p) => typeof p === 'string').pop() as string | undefined;
    const at = (what: string, replacement: unknown) => cases.push({ what: `${path.join('.')}: ${what}`, body: withValueAt(root, path, replacement) });
    if (required && s.default === undefined && path.length > 0) at('missing', REMOVE);
    if (!s.nullable && !s.enum?.includes(null) && path.length > 0) at('null', null);
    const alternative = alternativeFor(s, value);
    switch (s.type ?? alternative.type) {
      case 'string':
        at('a number', 12345);
        at('an array', [value]);
        if (s.enum) {
          at('not one of its values', 'zzz-no-such-value');
          break;
        }
        at('100 KB of text', HUGE);
        at('a right-to-left override', `${typeof value === 'string' ? value : ''}${RTL_OVERRIDE}`);
        at('a NUL byte', `${typeof value === 'string' ? value : ''}${NUL}`);
        at('a lone surrogate', `${typeof value === 'string' ? value : ''}${LONE_SURROGATE}`);
        if (s.format || s.pattern) {
          at('stacked combining marks', STACKED_MARKS);
          at('an emoji of people joined by zero-width joiners', EMOJI_ZWJ);
        }
        if (s.format === 'uuid') {
          at('no UUID', 'not-a-uuid');
          at('the UUID of nothing', randomUUID());
          const kind = name ? KIND_BY_FIELD[name] : undefined;
          if (kind) at("another organization's", valueOf(theirs, kind, ''));
        }
        if (s.format === 'date-time') {
          at('a day that does not exist', '2026-02-30T09:00:00+07:00');
          at('year 0', '0000-01-01T00:00:00Z');
          at('the last moment of year 9999, west of Greenwich', '9999-12-31T23:59:59-23:59');
        }
        if ((s.minLength ?? 0) >= 1 && !s.format && !s.pattern) {
          at('Thai marks with no letter', MARKS_ONLY);
          at('zero-width characters only', ZERO_WIDTH_ONLY);
          at('combining marks with no letter', COMBINING_ONLY);
        }
        break;
      case 'integer':
      case 'number':
        at('a string', '1');
        at('"NaN"', 'NaN');
        at('1e308', 1e308);
        at('-1e308', -1e308);
        if (s.minimum !== undefined) at('below its minimum', s.minimum - 1);
        else at('-1', s.exclusiveMinimum ?? -1);
        if (s.maximum !== undefined) at('above its maximum', s.maximum + 1);
        if (s.maximum !== undefined) at('2^53+1', TWO_POW_53_PLUS_1);
        // -0 is 0: refused only where 0 is.
        if ((s.minimum !== undefined && s.minimum > 0) || s.exclusiveMinimum === 0) at('-0', MINUS_ZERO);
        if ((s.type ?? alternative.type) === 'integer') at('a fraction', (typeof value === 'number' ? value : 1) + 0.5);
        break;
      case 'boolean':
        at('a string', 'true');
        at('a number', 1);
        break;
      case 'array': {
        const items = Array.isArray(value) ? value : [];
        at('an object', { 0: items[0] ?? 'x' });
        at('a string', 'x');
        if ((s.minItems ?? 0) >= 1) at('empty', []);
        at('10,000 items', Array.from({ length: 10_000 }, () => items[0] ?? 'x'));
        // Ids of things, as many as allowed, of nothing. (The same id again and again is taken once, by design.)
        if (s.items && resolve(s.items).format === 'uuid' && s.maxItems !== undefined && s.maxItems > 1 && s.maxItems <= 2000) {
          at('as many as allowed, UUIDs of nothing', Array.from({ length: s.maxItems }, () => randomUUID()));
        }
        if (items.length > 0 && s.items) cases.push(...fieldCases(root, s.items, items[0], [...path, 0], false));
        break;
      }
      case 'object': {
        if (path.length > 0) {
          at('a string', 'x');
          at('an array', []);
        }
        const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
        const target = alternative.properties ? alternative : s;
        for (const [key, property] of Object.entries(target.properties ?? {})) {
          if (key in object || target.required?.includes(key)) {
            cases.push(...fieldCases(root, property, object[key], [...path, key], target.required?.includes(key) ?? false));
          }
        }
        if (path.length > 0 && target.additionalProperties === false) at('an unknown field', { ...object, zzz: 1 });
        if (path.length > 0 && target.additionalProperties === false) at('an unknown field named with odd Unicode', { ...object, [`${EMOJI_ZWJ}${STACKED_MARKS}`]: 1 });
        if (typeof target.additionalProperties === 'object') {
          const first = Object.values(object)[0] ?? [];
          at('10,000 keys', Object.fromEntries(Array.from({ length: 10_000 }, () => [randomUUID(), first])));
          at('a key that is no UUID', { ...object, 'not-a-uuid': first });
          at('a key with a NUL byte', { ...object, [`${randomUUID()}${NUL}`]: first });
        }
        break;
      }
    }
    return cases;
  }

  /** Whole bodies that are wrong as a whole: not JSON, not an object, polluting prototypes, nested without end. */
  function wholeBodyCases(baseline: object | undefined, schema: JsonSchema | undefined): { what: string; payload: Payload }[] {
    const raw = (what: string, text: string, contentType = 'application/json') => ({ what, payload: { kind: 'raw' as const, contentType, text } });
    const cases = [
      raw('malformed JSON', '{"title": '),
      raw('JSON null', 'null'),
      raw('a JSON string', '"text"'),
      raw('plain text', 'hello', 'text/plain'),
      raw('a form', 'a=1&b=2', 'application/x-www-form-urlencoded'),
      raw('JSON in another charset', '{}', 'application/json; charset=utf-16'),
    ];
    if (!baseline || !schema) return cases;
    const json = JSON.stringify(baseline);
    const s = resolve(schema);
    return [
      ...cases,
      { what: 'an array', payload: { kind: 'json', value: [baseline] } },
      ...((s.required?.length ?? 0) > 0 ? [{ what: 'an empty object', payload: { kind: 'json' as const, value: {} } }] : []),
      { what: 'an unknown field', payload: { kind: 'json', value: { ...baseline, zzz: 1 } } },
      { what: 'an unknown field named with an emoji and stacked marks', payload: { kind: 'json', value: { ...baseline, [`${EMOJI_ZWJ}${STACKED_MARKS}`]: 1 } } },
      { what: 'an unknown field whose name holds NUL', payload: { kind: 'json', value: { ...baseline, [`zzz${NUL}`]: 1 } } },
      { what: 'an unknown field whose name is a lone surrogate', payload: { kind: 'json', value: { ...baseline, [LONE_SURROGATE]: 1 } } },
      // A bare control character in a JSON string is no JSON at all.
      raw('a bare NUL byte inside a JSON string', `${json.slice(0, -1)},"zzz":"a${NUL}b"}`),
      raw('a __proto__ field', `{"__proto__":{"polluted":true},${json.slice(1)}`),
      { what: 'a constructor.prototype field', payload: { kind: 'json', value: { ...baseline, constructor: { prototype: { polluted: true } } } } },
      // As text: the test's own JSON.stringify would run out of stack first.
      raw('a field nested 10,000 deep', `${json.slice(0, -1)},"zzz":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
      raw('arrays nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    ];
  }

  function paramCases(path: string, param: string): { what: string; value: string }[] {
    const kind = kindOf(path, param);
    const cases: { what: string; value: string }[] = [];
    if (kind === 'fiscalYear') {
      for (const value of ['abc', '-1', '-0', '0', '2499', '2701', '1e308', '99999999999', '9007199254740993', '2569.5', 'NaN', 'Infinity']) cases.push({ what: value, value });
    } else if (kind === 'template') {
      for (const value of ['no-such-template', 'constructor', '__proto__', 'toString', 'x'.repeat(101), '9'.repeat(100)]) cases.push({ what: value.slice(0, 20), value });
    } else if (kind === 'certificateCode') {
      cases.push({ what: 'lower case', value: 'acdefghjkmnp' }, { what: 'Thai letters', value: 'กขคงจฉชซฌญฎฏ' }, { what: 'a code nothing has', value: 'ACDEFGHJKMNP' });
      cases.push({ what: 'SQL', value: "1' OR '1'='1" }, { what: '300 Thai letters', value: 'ก'.repeat(300) });
    } else if (kind === 'joinCode') {
      cases.push({ what: 'lower case, too short', value: 'abc' }, { what: 'seven letters', value: 'ABCDEFG' }, { what: 'Thai letters', value: 'กขคงจฉ' });
      cases.push({ what: 'a code no session has', value: unusedJoinCode });
    } else {
      cases.push(
        { what: 'no UUID', value: 'not-a-uuid' },
        { what: 'SQL', value: "1' OR '1'='1" },
        { what: '300 Thai letters', value: 'ก'.repeat(300) },
        { what: 'a path up', value: '../../etc/passwd' },
        { what: 'the nil UUID', value: '00000000-0000-0000-0000-000000000000' },
        { what: 'the UUID of nothing', value: randomUUID() },
        { what: "another organization's", value: valueOf(theirs, kind, path) },
      );
    }
    const ours = valueOf(mine, kind, path);
    cases.push(
      { what: 'with a NUL byte', value: `${ours}${NUL}` },
      { what: 'with a lone surrogate', value: `${ours}${LONE_SURROGATE}` },
      { what: 'stacked combining marks', value: STACKED_MARKS },
      { what: 'an emoji of people joined by zero-width joiners', value: EMOJI_ZWJ },
    );
    return cases.map((c) => ({ what: `{${param}} ${c.what}`, value: c.value }));
  }

  /** A path segment or query value as a URL carries it; a lone surrogate, which has no UTF-8, as the bytes it would be. */
  const encode = (value: string) => value.split(LONE_SURROGATE).map(encodeURIComponent).join('%ED%A0%80');
  let unusedJoinCode = '';

  const QUERY_VALUES: Record<string, () => string> = {
    fiscalYear: () => String(mine.fiscalYear),
    from: () => '2025-01-01T00:00:00+07:00',
    to: () => '2026-01-01T00:00:00+07:00',
    includeArchived: () => 'true',
    programId: () => mine.program,
    q: () => 'สม',
    group: () => 'citizen',
    limit: () => '10',
    subject: () => 'program',
    actorId: () => mine.user,
    cursor: () => '1',
    format: () => 'csv',
    v: () => '1',
  };

  function queryCases(parameters: Parameter[]): { what: string; query: string; harmless?: boolean }[] {
    const valid = (p: Parameter) => {
      const make = QUERY_VALUES[p.name];
      if (!make) throw new Error(`no valid value for the query parameter ${p.name}; add it to QUERY_VALUES`);
      return make();
    };
    const others = (except: string) =>
      parameters
        .filter((p) => p.required && p.name !== except)
        .map((p) => `${p.name}=${encodeURIComponent(valid(p))}`)
        .join('&');
    const cases: { what: string; query: string; harmless?: boolean }[] = [];
    for (const p of parameters) {
      const base = others(p.name);
      const q = (what: string, part: string, harmless = false) => cases.push({ what: `?${p.name} ${what}`, query: [base, part].filter(Boolean).join('&'), harmless });
      const v = encodeURIComponent(valid(p));
      const s = p.schema;
      q('twice', `${p.name}=${v}&${p.name}=${v}`);
      q('as name[]', `${p.name}[]=${v}`);
      q('as name[key]', `${p.name}[a]=${v}`);
      q('10 KB long', `${p.name}=${'9'.repeat(10_000)}`);
      q('a right-to-left override', `${p.name}=${encodeURIComponent(`${valid(p)}${RTL_OVERRIDE}`)}`);
      q('a NUL byte', `${p.name}=${v}%00`);
      const typed = s.type === 'integer' || s.type === 'number' || Boolean(s.enum || s.format || s.pattern);
      // Bytes no UTF-8 decoder takes: kept as the literal text, which only a typed value refuses.
      q('a lone surrogate', `${p.name}=${v}%ED%A0%80`, !typed);
      q('stacked combining marks', `${p.name}=${encodeURIComponent(STACKED_MARKS)}`, !typed);
      q('an emoji of people joined by zero-width joiners', `${p.name}=${encodeURIComponent(EMOJI_ZWJ)}`, !typed);
      if (s.type === 'integer' || s.type === 'number') {
        for (const bad of ['abc', '1e308', '-1', '-0', '9007199254740993', '1.5', 'NaN', 'Infinity', '']) q(JSON.stringify(bad), `${p.name}=${bad}`);
      } else if (s.enum) {
        q('not one of its values', `${p.name}=zzz`);
      } else if (s.format === 'uuid') {
        q('no UUID', `${p.name}=not-a-uuid`);
        q('the UUID of nothing', `${p.name}=${randomUUID()}`, true);
        q("another organization's", `${p.name}=${valueOf(theirs, KIND_BY_FIELD[p.name] ?? 'user', '')}`, true);
      } else if (s.format === 'date-time') {
        q('a day that does not exist', `${p.name}=2026-02-30T00:00:00Z`);
        q('year 0', `${p.name}=0000-01-01T00:00:00Z`);
        q('year 9999 west of Greenwich', `${p.name}=${encodeURIComponent('9999-12-31T23:59:59-23:59')}`);
      } else if (s.pattern) {
        q('as long as allowed, all nines', `${p.name}=${'9'.repeat(s.maxLength ?? 30)}`);
      } else {
        q('Thai marks with no letter', `${p.name}=${encodeURIComponent(MARKS_ONLY)}`, true);
      }
    }
    return cases;
  }

  function uploadCases(path: string): HostileCase[] {
    const logo = path === '/api/organization/logo';
    const limit = logo ? contracts.MAX_LOGO_BYTES : 2 * 1024 * 1024;
    // A 16×16 PNG header: what the logo's check reads.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0]), Buffer.alloc(4)]);
    const good = logo ? png : Buffer.from('ชื่อ-นามสกุล,กลุ่ม\nสมศรี ใจดี,ประชาชน\n');
    const name = logo ? 'logo.png' : 'list.csv';
    const multipart = (what: string, files: { field: string; content: Buffer; name: string }[], fields?: [string, string][], harmless = false): HostileCase => ({
      what,
      url: '',
      payload: { kind: 'multipart', files, fields },
      harmless,
    });
    const boundary = 'fuzzboundary';
    const rawPart = (what: string, text: string, harmless = false): HostileCase => ({
      what,
      url: '',
      payload: { kind: 'raw', contentType: `multipart/form-data; boundary=${boundary}`, text },
      harmless,
    });
    return [
      { what: 'no body at all', url: '' },
      { what: 'JSON and no file', url: '', payload: { kind: 'json', value: { file: 'x' } } },
      multipart('the file under another name', [{ field: 'other', content: good, name }]),
      multipart('two files', [
        { field: 'file', content: good, name },
        { field: 'file', content: good, name },
      ]),
      multipart('a file one byte over the limit', [{ field: 'file', content: Buffer.alloc(limit + 1, 0x41), name }]),
      multipart('an empty file', [{ field: 'file', content: Buffer.alloc(0), name }], undefined, !logo),
      multipart('random bytes', [{ field: 'file', content: randomBytes(20_000), name }], undefined, !logo),
      multipart('a file name of 5,000 letters', [{ field: 'file', content: logo ? Buffer.from('not an image') : good, name: `${'ก'.repeat(5000)}.csv` }], undefined, !logo),
      multipart('six more form fields', [{ field: 'file', content: good, name }], Array.from({ length: 6 }, (_, i) => [`f${i}`, 'x'] as [string, string])),
      multipart('a 10 KB form field', [{ field: 'file', content: good, name }], [['note', 'x'.repeat(10_240)]]),
      {
        what: 'a multipart body cut short',
        url: '',
        payload: { kind: 'raw', contentType: `multipart/form-data; boundary=${boundary}`, text: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\nabc` },
      },
      { what: 'multipart without a boundary', url: '', payload: { kind: 'raw', contentType: 'multipart/form-data', text: 'abc' } },
      rawPart('a part with no Content-Disposition', `--${boundary}\r\nContent-Type: text/csv\r\n\r\nabc\r\n--${boundary}--\r\n`),
      rawPart('a part whose headers never end', `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nabc\r\n--${boundary}--\r\n`),
      rawPart('a boundary the body never uses', `--other\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\nabc\r\n--other--\r\n`),
      rawPart('JSON under a multipart type', '{"file":"x"}'),
      rawPart('a header line with no colon', `--${boundary}\r\nContent-Disposition form-data name file\r\n\r\nabc\r\n--${boundary}--\r\n`),
      rawPart(
        'a file name with a NUL byte and a right-to-left override',
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x${NUL}${RTL_OVERRIDE}.csv"\r\nContent-Type: text/csv\r\n\r\n${logo ? 'not an image' : good.toString()}\r\n--${boundary}--\r\n`,
        !logo,
      ),
      multipart('a file name that climbs out of its folder', [{ field: 'file', content: logo ? Buffer.from('not an image') : good, name: '../../../etc/passwd.csv' }], undefined, !logo),
    ];
  }

  /** The allowed roles the @Roles decorator wrote into the document, or null for a public route. */
  function rolesOf(op: Operation): string[] | null {
    if (!op.security) return null;
    const described = /Role must be one of: ([a-z, ]+)/.exec(op.responses['403']?.description ?? '');
    if (!described) throw new Error('a guarded route without its roles in the document');
    return described[1].trim().split(', ');
  }

  function agentFor(path: string, op: Operation): TestAgent {
    const roles = rolesOf(op);
    if (!roles) return path.startsWith('/api/join/') ? phone : t.http();
    const role = present((['organizer', 'admin', 'manager'] as const).find((r) => roles.includes(r)), `a role of ${roles.join(', ')}`);
    return agents[role];
  }

  function casesOf(method: Method, path: string, op: Operation): HostileCase[] {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const ownParams = Object.fromEntries(pathParams.map((p) => [p.name, valueOf(mine, kindOf(path, p.name), path)]));
    const urlWith = (values: Record<string, string>, query = '') =>
      path.replace(/\{([^}]+)\}/g, (_m, name: string) => encode(values[name])) + (query ? `?${query}` : '');
    const requiredQuery = params
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(QUERY_VALUES[p.name]())}`)
      .join('&');
    const ownUrl = urlWith(ownParams, requiredQuery);
    const headers: Record<string, string> = params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') ? { 'Idempotency-Key': randomUUID() } : {};
    const content = op.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const upload = Boolean(content['multipart/form-data']);
    const baseline = jsonSchema ? baselineOf(method, path) : undefined;
    if (jsonSchema && !baseline) throw new Error(`${method.toUpperCase()} ${path}: add a valid body to baselineOf`);
    const bodyPayload: Payload | undefined = baseline ? { kind: 'json', value: baseline } : undefined;

    const cases: HostileCase[] = [];
    for (const p of pathParams) {
      for (const c of paramCases(path, p.name)) {
        cases.push({ what: c.what, url: urlWith({ ...ownParams, [p.name]: c.value }, requiredQuery), payload: bodyPayload, headers });
      }
    }
    if (method === 'get') {
      for (const c of queryCases(params.filter((p) => p.in === 'query'))) {
        cases.push({ what: c.what, url: urlWith(ownParams, c.query), headers, harmless: c.harmless });
      }
      const declared = params.some((p) => p.in === 'query');
      for (const key of ['zzz=1', '__proto__=1', 'constructor[prototype][polluted]=1']) {
        // A route that takes no query at all ignores one, as the web does.
        cases.push({ what: `unknown query ${key}`, url: urlWith(ownParams, [requiredQuery, key].filter(Boolean).join('&')), harmless: !declared });
      }
      return cases;
    }
    if (headers['Idempotency-Key']) {
      for (const [what, value] of [
        ['no UUID', 'not-a-uuid'],
        ['8 KB', 'x'.repeat(8192)],
      ]) {
        cases.push({ what: `Idempotency-Key ${what}`, url: ownUrl, payload: bodyPayload, headers: { 'Idempotency-Key': value } });
      }
      cases.push({ what: 'no Idempotency-Key', url: ownUrl, payload: bodyPayload });
    }
    if (upload) {
      for (const c of uploadCases(path)) cases.push({ ...c, url: ownUrl });
      return cases;
    }
    for (const c of wholeBodyCases(baseline, jsonSchema)) cases.push({ what: c.what, url: ownUrl, payload: c.payload, headers });
    if (baseline && jsonSchema) {
      for (const c of fieldCases(baseline, jsonSchema, baseline, [], true)) {
        cases.push({ what: c.what, url: ownUrl, payload: { kind: 'raw', contentType: 'application/json', text: jsonText(c.body) }, headers });
      }
    }
    return cases;
  }

  async function send(agent: TestAgent, method: Method, c: HostileCase): Promise<Response | string> {
    let request = agent[method](c.url).set('X-Forwarded-For', ADDRESS).timeout(15_000);
    for (const [name, value] of Object.entries(c.headers ?? {})) request = request.set(name, value);
    const payload = c.payload;
    try {
      if (!payload) return await request;
      if (payload.kind === 'json') return await request.send(payload.value);
      if (payload.kind === 'raw') return await request.set('Content-Type', payload.contentType).send(payload.text);
      for (const [name, value] of payload.fields ?? []) request = request.field(name, value);
      for (const file of payload.files) request = request.attach(file.field, file.content, file.name);
      return await request;
    } catch (error) {
      return `no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** What is wrong with an answer to a hostile request, or null. */
  function wrongWith(c: HostileCase, response: Response | string): string | null {
    if (typeof response === 'string') return response;
    const text = JSON.stringify(response.body ?? response.text).slice(0, 300);
    if (response.status >= 500) return `${response.status} ${text}`;
    if (response.status < 400) return c.harmless ? null : `accepted with ${response.status}`;
    const parsed = ApiErrorSchema.safeParse(response.body);
    if (!parsed.success) return `${response.status} without { code, message }: ${text}`;
    const extra = Object.keys(response.body as object).filter((key) => !['code', 'message', 'params', 'issues'].includes(key));
    if (extra.length > 0) return `${response.status} with more than { code, message, params, issues }: ${extra.join(', ')}`;
    const messages = [parsed.data.message, ...(parsed.data.issues ?? []).map((i) => i.message)];
    if (messages.some((m) => !THAI.test(m))) return `${response.status} ${parsed.data.code} with a message not in Thai: ${text}`;
    return null;
  }

  type OperationUnderTest = { method: Method; path: string; op: Operation };

  const operationsOf = (document: OpenApiDocument): OperationUnderTest[] =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method as Method, path, op })));

  /** Sends every case of every operation; answers what went wrong, per route and case. */
  async function sweep(operations: OperationUnderTest[], digest: () => Promise<Record<string, string>>, agentOf: (o: OperationUnderTest) => TestAgent) {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const { method, path, op } = operation;
      const route = `${method.toUpperCase()} ${path}`;
      const agent = agentOf(operation);
      const cases = casesOf(method, path, op);
      const before = await digest();
      logged.length = 0;
      stderr.mockClear();
      for (const c of cases) {
        const wrong = wrongWith(c, await send(agent, method, c));
        sent++;
        if (wrong) failures.push(`${route} — ${c.what}: ${wrong}`);
      }
      const after = await digest();
      for (const table of Object.keys(before)) {
        if (before[table] !== after[table]) failures.push(`${route}: changed rows of ${table} (${before[table]} → ${after[table]})`);
      }
      for (const line of logged.filter((l) => l.startsWith('error') || l.startsWith('warn'))) failures.push(`${route}: logged ${line.slice(0, 300)}`);
      const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
      if (/\n\s+at /.test(written)) failures.push(`${route}: a stack trace on stderr`);
    }
    return { failures, sent };
  }

  it('answers every hostile request to every route with a 4xx in Thai, and writes nothing', async () => {
    do {
      unusedJoinCode = Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
    } while ((await t.db.query(`SELECT 1 FROM training_sessions WHERE join_code = $1`, [unusedJoinCode])).length > 0);

    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(80);
    // Every documented body is a contract's schema, and the body each case starts from passes it: a case then
    // spoils exactly the one thing it says.
    for (const { method, path, op } of operations) {
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      if (!ref) continue;
      const schema = (contracts as unknown as Record<string, ZodType | undefined>)[ref.replace('#/components/schemas/', '').replace(/Dto$/, 'Schema')];
      expect({ route: `${method} ${path}`, contract: Boolean(schema) }).toEqual({ route: `${method} ${path}`, contract: true });
      const check = present(schema, ref).safeParse(baselineOf(method, path));
      expect({ route: `${method} ${path}`, issues: check.error?.issues ?? [] }).toEqual({ route: `${method} ${path}`, issues: [] });
    }

    const { failures, sent } = await sweep(operations, () => rowsDigest(t.db, [own.id, foreignOrg.id]), ({ path, op }) => agentFor(path, op));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
  }, 240_000);

  it('answers hostile first-run set-ups on an empty database with a 4xx, and creates no organization', async () => {
    const empty = await createSiblingDatabase('sujarit_fuzz_setup');
    const demo = process.env.SUJARIT_DEMO;
    process.env.SUJARIT_DEMO = '0';
    const fresh = await startTestApp({ databaseUrl: empty.url });
    try {
      fresh.app.useLogger(logger);
      expect((await fresh.http().get('/api/setup').expect(200)).body.needed).toBe(true);
      const setupRoutes = operationsOf(doc).filter((o) => o.path === '/api/setup' && o.method !== 'get');
      expect(setupRoutes).toHaveLength(1);
      const { failures, sent } = await sweep(setupRoutes, () => rowsDigest(fresh.db, null), () => fresh.http());
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan(50);
      expect((await fresh.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n).toBe(0);
    } finally {
      if (demo === undefined) delete process.env.SUJARIT_DEMO;
      else process.env.SUJARIT_DEMO = demo;
      await fresh.close();
      await empty.dispose();
    }
  }, 120_000);
});
