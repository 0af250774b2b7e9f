import { Logger, type LoggerService } from '@nestjs/common';
import { createSession, startTestApp, TestApp } from '../support/test-app';

/**
 * Text no field can hold (NUL, a lone surrogate), bodies that are no JSON or too large, and XML that declares
 * entities or nests without end: each is a 400 (or 413) with a stable code and a Thai reason, changes
 * nothing, and leaves no error nor stack trace in the log (they used to be 500s with a stack).
 */
describe('unsafe input is a bad request, never a crash', () => {
  let t: TestApp;
  const logged: string[] = [];
  let stderr: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    const capture = (level: string) => (message: unknown, ...rest: unknown[]) => {
      logged.push(`${level} ${[message, ...rest].map(String).join(' ')}`);
    };
    const logger: LoggerService = { log: capture('log'), error: capture('error'), warn: capture('warn'), debug: capture('debug'), verbose: capture('verbose') };
    t.app.useLogger(logger);
    stderr = jest.spyOn(process.stderr, 'write');
  });

  afterAll(async () => {
    stderr.mockRestore();
    await t.close();
  });

  afterEach(() => {
    // No error logged at all, so no stack trace either, by the API's logger or anything writing to stderr.
    expect(logged.filter((line) => line.startsWith('error') || line.startsWith('warn'))).toEqual([]);
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written).not.toMatch(/\n\s+at /);
    logged.length = 0;
    stderr.mockClear();
  });

  const thai = /[ก-๙]/;

  it.each([
    ['NUL', 'สมศรี\u0000ใจดี'],
    ['a lone surrogate', 'สมศรี\ud800ใจดี'],
  ])('refuses a walk-in whose name holds %s, names the field, and creates nobody', async (_what, fullName) => {
    const org = await t.createOrganization();
    const session = await createSession(await org.login('organizer'), '1.1.1', { allowWalkIns: true });
    const response = await t.http().post(`/api/join/${session.joinCode}`).send({ fullName, group: 'citizen' }).expect(400);
    expect(response.body.code).toBe('INVALID_CHARACTERS');
    expect(response.body.message).toMatch(thai);
    expect(response.body.issues).toEqual([{ path: 'fullName', message: expect.stringMatching(thai) }]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(0);
  });

  it('refuses NUL in a query, in a route parameter, in a cookie and in a nested body field', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const query = await organizer.get('/api/people?q=%00').expect(400);
    expect(query.body).toMatchObject({ code: 'INVALID_CHARACTERS', issues: [{ path: 'query.q' }] });
    const param = await organizer.get('/api/people/%00').expect(400);
    expect(param.body).toMatchObject({ code: 'INVALID_CHARACTERS', issues: [{ path: 'url' }] });
    const cookie = await t.http().get('/api/auth/me').set('Cookie', 'sj_session=%00').expect(400);
    expect(cookie.body.code).toBe('INVALID_CHARACTERS');
    const session = await createSession(organizer);
    const nested = await organizer
      .post(`/api/sessions/${session.id}/enrolments/import/confirm`)
      .send({ rows: [{ line: 2, fullName: 'สมชาย', group: 'citizen' }, { line: 3, fullName: 'x\u0000', group: 'citizen' }] })
      .expect(400);
    expect(nested.body.issues).toEqual([{ path: 'rows.1.fullName', message: expect.stringMatching(thai) }]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(0);
  });

  it('answers malformed JSON with 400 and a body over 4 MB with 413, each with its code, in Thai', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const malformed = await organizer.post('/api/sessions').set('Content-Type', 'application/json').send('{"title": ').expect(400);
    expect(malformed.body).toEqual({ code: 'VALIDATION_FAILED', message: 'ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง' });
    const anonymous = await t.http().post('/api/join/ABC123').set('Content-Type', 'application/json').send('{').expect(400);
    expect(anonymous.body.code).toBe('VALIDATION_FAILED');
    const large = await organizer
      .post('/api/sessions')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'ก'.repeat(1_500_000) }))
      .expect(413);
    expect(large.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป (ไม่เกิน 4 MB)' });
  });

  it('takes a question import as large as a 2 MB file gives (the old 100 KB limit refused a few hundred)', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string }[];
    const questions = Array.from({ length: 300 }, (_, i) => ({
      topic: 'ทดสอบขนาด',
      type: 'single_choice',
      stem: `ข้อที่ ${i + 1} ${'การปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต '.repeat(5)}`,
      options: [
        { text: 'ถูก', weight: 100 },
        { text: 'ผิด', weight: 0 },
      ],
    }));
    expect(Buffer.byteLength(JSON.stringify({ questions }))).toBeGreaterThan(200 * 1024);
    const imported = await organizer.post(`/api/programs/${programs[0].id}/questions/import`).send({ questions }).expect(200);
    expect(imported.body).toEqual({ created: 300 });
  });

  it('reports a GIFT, CSV or Moodle XML question holding NUL as a bad question, and imports the rest', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string }[];
    const preview = (format: string, content: string, name: string) =>
      organizer.post(`/api/programs/${programs[0].id}/questions/import/${format}/preview`).attach('file', Buffer.from(content), name).expect(200);
    const gift = await preview('gift', '::ข้อเสีย::ข้อ\u0000หนึ่ง {=ก ~ข}\n\nข้อสอง {=ก ~ข}\n', 'q.gift');
    expect(gift.body.questions.map((q: { stem: string }) => q.stem)).toEqual(['ข้อสอง']);
    expect(gift.body.errors).toEqual([{ position: 1, title: 'ข้อเสีย', reason: expect.stringContaining('อักขระที่ใช้ไม่ได้') }]);
    const csv = await preview('csv', 'คำถาม,ตัวเลือก 1,ตัวเลือก 2,คำตอบที่ถูก\nข้อ\u0000หนึ่ง,ก,ข,1\nข้อสอง,ก,ข,1\n', 'q.csv');
    expect(csv.body.questions.map((q: { stem: string }) => q.stem)).toEqual(['ข้อสอง']);
    expect(csv.body.errors).toEqual([{ position: 2, title: 'ข้อ\ufffdหนึ่ง', reason: expect.stringContaining('อักขระที่ใช้ไม่ได้') }]);
    const xml = await preview(
      'xml',
      `<quiz>${['ข้อ\u0000หนึ่ง', 'ข้อสอง']
        .map(
          (stem) =>
            `<question type="truefalse"><name><text>n</text></name><questiontext format="plain_text"><text>${stem}</text></questiontext>` +
            '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>',
        )
        .join('')}</quiz>`,
      'q.xml',
    );
    expect(xml.body.questions.map((q: { stem: string }) => q.stem)).toEqual(['ข้อสอง']);
    expect(xml.body.errors).toEqual([{ position: 1, title: 'n', reason: expect.stringContaining('อักขระที่ใช้ไม่ได้') }]);
  });

  it('reports an enrolment row whose name holds NUL as a bad row, with its line and field', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    const file = Buffer.from('ชื่อ-นามสกุล,กลุ่ม\nสมศรี\u0000ใจดี,ประชาชน\nสมชาย ใจดี,ประชาชน\n');
    const preview = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/preview`).attach('file', file, 'list.csv').expect(200)).body;
    expect(preview.valid.map((r: { fullName: string }) => r.fullName)).toEqual(['สมชาย ใจดี']);
    expect(preview.errors).toEqual([{ line: 2, field: 'ชื่อ-นามสกุล', reason: expect.stringContaining('อักขระที่ใช้ไม่ได้') }]);
  });

  it.each([
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz><question type="truefalse"><name><text>&x;</text></name></question></quiz>', 'DOCTYPE'],
    ['entities that expand', '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><quiz>&b;</quiz>', 'DOCTYPE'],
    ['100,000 nested tags', `<quiz>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</quiz>`, 'ซ้อนกันเกิน'],
  ])('refuses Moodle XML with %s as a bad file, in Thai', async (_what, content, reason) => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string }[];
    const started = performance.now();
    const response = await organizer
      .post(`/api/programs/${programs[0].id}/questions/import/xml/preview`)
      .attach('file', Buffer.from(content), 'bank.xml')
      .expect(400);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.body.code).toBe('IMPORT_FILE_INVALID');
    expect(response.body.message).toContain(reason);
    expect(response.body.message).toMatch(thai);
  });

  it('logs a real server error with its stack, so the checks above can fail', async () => {
    const filterLogger = new Logger('ApiError');
    filterLogger.error(new Error('boom').stack);
    expect(logged.some((line) => line.startsWith('error') && /\n\s+at /.test(line))).toBe(true);
    logged.length = 0;
  });
});
