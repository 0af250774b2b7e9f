import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp, TestOrganization } from '../support/test-app';

/** Thai names with stacked marks (ญี่ ปุ่ ผู้ ปั้ สิ้ ที่ ตำ), and one that tries to be HTML. */
const YOUTH = 'ด.ญ. ที่ ตำบลพร่อน';
const JAPAN = 'นางสาวญี่ปุ่น ผู้ใหญ่บ้าน';
const PAN = 'นายปั้น สิ้นทุกข์';
const MARKUP = 'สมชาย <b>ตัวหนา</b> & "ลูก"';
const EKACHAI = 'เอกชัย ใจดี';
const KAMOL = 'กมล มาทีหลัง';
const ERASED = 'ลบข้อมูลแล้ว';
const WITHDRAWN = 'นายถอน ตัวก่อนวันอบรม';
const WAITLISTED = 'นายสำรอง รอที่นั่ง';
/** Thai order (Intl.Collator('th')): ก, ด, นางสาว before นาย, ส, เอ (sorted under อ); the erased person last. */
const LISTED_IN_ORDER = [KAMOL, YOUTH, JAPAN, PAN, MARKUP, EKACHAI, ERASED];

const squash = (text: string) => text.replace(/\s+/g, '');

describe('attendance sheet of a session: PDF, XLSX and printable HTML', () => {
  let t: TestApp;
  let org: TestOrganization;
  let organizer: TestAgent;
  let session: { id: string; joinCode: string };
  let startsAt: string;
  let beDate: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.createOrganization('อบต.พร่อน ทดสอบใบลงชื่อ');
    organizer = await org.login('organizer');
    const created = await createSession(organizer, '1.3.1', { capacity: 7, title: 'รุ่นที่ 1 ภูมิคุ้มกัน' });
    session = created;
    startsAt = (await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.startsAt;
    beDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long' }).format(new Date(startsAt));

    const person = async (body: Record<string, unknown>) =>
      (await organizer.post('/api/people').send(body).expect(201)).body.person.id as string;
    const enrol = async (personId: string) =>
      (await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId }).expect(201)).body.enrolments as {
        id: string;
        status: string;
        person: { id: string };
      }[];
    const enrolmentOf = async (personId: string) => {
      const enrolment = (await enrol(personId)).find((e) => e.person.id === personId);
      if (!enrolment) throw new Error('the enrolled person is missing from the list');
      return enrolment;
    };

    const ids = {
      youth: await person({ fullName: YOUTH, group: 'youth', village: 3, ageBand: '12_14', guardianName: 'นางที่ ตำบลพร่อน' }),
      japan: await person({ fullName: JAPAN, group: 'council_member', village: 5 }),
      pan: await person({ fullName: PAN, group: 'executive' }),
      markup: await person({ fullName: MARKUP, group: 'citizen', village: 1 }),
      ekachai: await person({ fullName: EKACHAI, group: 'staff' }),
      erased: await person({ fullName: 'นายจะ ขอลบข้อมูล', group: 'citizen' }),
    };
    await enrolmentOf(ids.youth);
    await enrolmentOf(ids.japan);
    const pan = await enrolmentOf(ids.pan);
    await enrolmentOf(ids.markup);
    const ekachai = await enrolmentOf(ids.ekachai);
    await enrolmentOf(ids.erased);
    await organizer.patch(`/api/enrolments/${pan.id}`).send({ status: 'attended' }).expect(200);
    // Absent frees a seat while nobody waits; the next person takes it.
    await organizer.patch(`/api/enrolments/${ekachai.id}`).send({ status: 'absent' }).expect(200);
    await enrolmentOf(await person({ fullName: KAMOL, group: 'citizen' }));
    await enrolmentOf(await person({ fullName: 'นายเพิ่ม ที่นั่งสุดท้าย', group: 'citizen' }));
    const waiting = await enrolmentOf(await person({ fullName: WAITLISTED, group: 'citizen' }));
    expect(waiting.status).toBe('waitlisted');
    const withdrawing = await enrolmentOf(await person({ fullName: WITHDRAWN, group: 'staff' }));
    await organizer.patch(`/api/enrolments/${withdrawing.id}`).send({ status: 'withdrawn' }).expect(200);
    await organizer.post(`/api/people/${ids.erased}/erase`).expect(200);
  });
  afterAll(() => t.close());

  // One more seated person was added so the waitlist holds someone; they sort under น.
  const expectedOrder = () => {
    const named = [...LISTED_IN_ORDER.filter((n) => n !== ERASED), 'นายเพิ่ม ที่นั่งสุดท้าย'].sort(new Intl.Collator('th').compare);
    return [...named, ERASED];
  };

  it('keeps the hand-worked Thai order of the listed people', () => {
    expect(expectedOrder()).toEqual([KAMOL, YOUTH, JAPAN, 'นายปั้น สิ้นทุกข์', 'นายเพิ่ม ที่นั่งสุดท้าย', MARKUP, EKACHAI, ERASED]);
  });

  it('gives an XLSX with the header block, the names in Thai order, the Buddhist-Era date, and empty rows for walk-ins', async () => {
    const response = await organizer
      .get(`/api/sessions/${session.id}/attendance-sheet.xlsx`)
      .responseType('blob')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="attendance-${session.joinCode}.xlsx"; filename*=UTF-8''${encodeURIComponent(`ใบลงชื่อ-${session.joinCode}.xlsx`)}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['ใบลงชื่อ']);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: 6 }, (_, i) => row.getCell(i + 1).text));
    });
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('ใบลงชื่อเข้าร่วมอบรม');
    expect(text).toContain('อบต.พร่อน ทดสอบใบลงชื่อ');
    expect(text).toContain('รุ่นที่ 1 ภูมิคุ้มกัน');
    expect(text).toContain(`วันที่ ${beDate} เวลา 09:00 – 16:00 น.`);
    expect(text).toContain('สถานที่ ห้องประชุม อบต.');
    expect(text).toMatch(/ลงชื่อ \.+ ผู้จัดการอบรม/);
    expect(text).toMatch(/พิมพ์เมื่อ \d{1,2} [ก-๙]+ 25\d\d เวลา \d\d:\d\d น\./);

    const headerIndex = rows.findIndex((r) => r[0] === 'ลำดับ');
    expect(rows[headerIndex]).toEqual(['ลำดับ', 'ชื่อ-นามสกุล', 'กลุ่ม', 'หมู่ที่', 'ลายมือชื่อ', 'หมายเหตุ']);
    const table = rows.slice(headerIndex + 1).filter((r) => /^\d+$/.test(r[0]));
    expect(table.map((r) => r[1])).toEqual([...expectedOrder(), '', '', '', '', '']);
    expect(table.map((r) => r[0])).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    expect(table.find((r) => r[1] === YOUTH)).toEqual(['2', YOUTH, 'เด็กและเยาวชน', '3', '', '']);
    expect(table.find((r) => r[1] === JAPAN)?.slice(2, 4)).toEqual(['สมาชิกสภา', '5']);
    expect(table.find((r) => r[1] === EKACHAI)?.[2]).toBe('เจ้าหน้าที่/พนักงาน');
    expect(text).not.toContain(WITHDRAWN);
    expect(text).not.toContain(WAITLISTED);
    expect(text).not.toContain('นายจะ ขอลบข้อมูล');

    // Printable as it comes: A4 portrait, one page wide, tall rows, the header row on every page, a border on every cell.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerIndex + 1}:${headerIndex + 1}`);
    const firstRow = sheet.getRow(headerIndex + 2);
    expect(firstRow.height).toBeGreaterThanOrEqual(30);
    expect(firstRow.getCell(5).border?.bottom?.style).toBe('thin');
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(25);
  });

  it('gives a printable HTML page with every name escaped, a print button, and a policy that lets no other script run', async () => {
    const response = await organizer.get(`/api/sessions/${session.id}/attendance-sheet.html`).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="attendance-[A-Z0-9]{6}\.html"; filename\*=UTF-8''/);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = response.text;
    expect(html).toContain('สมชาย &lt;b&gt;ตัวหนา&lt;/b&gt; &amp; &quot;ลูก&quot;');
    expect(html).not.toContain('<b>ตัวหนา');
    for (const name of [YOUTH, JAPAN, PAN, EKACHAI, KAMOL, ERASED]) expect(html).toContain(`<td class="name">${name}</td>`);
    const positions = [KAMOL, YOUTH, JAPAN, PAN, EKACHAI, ERASED].map((n) => html.indexOf(`>${n}<`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).not.toContain(WITHDRAWN);
    expect(html).not.toContain(WAITLISTED);
    expect(html).toContain(beDate);
    expect(html).toContain('id="print-button"');
    expect(html).toContain('display: table-header-group');
    expect(html).toMatch(/@media print/);
  });

  it('gives a PDF whose text copies back as exactly the names, the Buddhist-Era date, and no withdrawn person', async () => {
    const response = await organizer
      .get(`/api/sessions/${session.id}/attendance-sheet.pdf`)
      .responseType('blob')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="attendance-${session.joinCode}.pdf"; filename*=UTF-8''${encodeURIComponent(`ใบลงชื่อ-${session.joinCode}.pdf`)}`,
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const folder = mkdtempSync(join(tmpdir(), 'sujarit-sheet-'));
    try {
      writeFileSync(join(folder, 'sheet.pdf'), pdf);
      const run = spawnSync('pdftotext', ['-enc', 'UTF-8', join(folder, 'sheet.pdf'), join(folder, 'sheet.txt')], { encoding: 'utf8' });
      expect({ status: run.status, error: run.error?.message, stderr: run.stderr }).toEqual({ status: 0, error: undefined, stderr: '' });
      const text = squash(readFileSync(join(folder, 'sheet.txt'), 'utf8'));
      for (const name of expectedOrder()) expect(text).toContain(squash(name));
      expect(text).toContain(squash(beDate));
      expect(text).toContain(squash('ใบลงชื่อเข้าร่วมอบรม'));
      expect(text).toContain(squash('ลายมือชื่อ'));
      expect(text).toContain(squash('ผู้จัดการอบรม'));
      expect(text).not.toContain(squash(WITHDRAWN));
      expect(text).not.toContain(squash(WAITLISTED));
      // In Thai order on the page as well.
      const positions = expectedOrder().map((n) => text.indexOf(squash(n)));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      // Printed in Sarabun, the government's document typeface, embedded; no other font (a fallback would show here).
      const fonts = spawnSync('pdffonts', [join(folder, 'sheet.pdf')], { encoding: 'utf8' }).stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !/^Sarabun/.test(font))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lets an admin of the organization print it, refuses a manager, and hides the session from another organization', async () => {
    const admin = await org.login('admin');
    await admin.get(`/api/sessions/${session.id}/attendance-sheet.html`).expect(200);
    const denied = await (await org.login('manager')).get(`/api/sessions/${session.id}/attendance-sheet.pdf`).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');

    const stranger = await (await t.createOrganization()).login('organizer');
    for (const format of ['pdf', 'xlsx', 'html']) {
      const hidden = await stranger.get(`/api/sessions/${session.id}/attendance-sheet.${format}`).expect(404);
      expect(hidden.body.code).toBe('SESSION_NOT_FOUND');
    }
    const invalid = await stranger.get('/api/sessions/not-a-uuid/attendance-sheet.pdf').expect(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('รหัสรอบอบรมไม่ถูกต้อง') });
  });

  it('documents the three files in OpenAPI with their media types', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const ok = (path: string) => doc.paths[`/api/sessions/{id}/attendance-sheet.${path}`].get.responses['200'];
    expect(ok('pdf').content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(ok('xlsx').content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']).toBeDefined();
    expect(ok('html').content['text/html']).toBeDefined();
    expect(ok('pdf').description).toMatch(/PDF/);
    expect(doc.paths['/api/sessions/{id}/attendance-sheet.pdf'].get.responses['503']).toBeDefined();
  });

  it('answers 503 PDF_UNAVAILABLE in Thai, pointing to the HTML print button, when Chromium cannot start', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const other = await startTestApp();
    try {
      const org = await other.createOrganization();
      const agent = await org.login('organizer');
      const own = await createSession(agent);
      const response = await agent.get(`/api/sessions/${own.id}/attendance-sheet.pdf`).expect(503);
      expect(response.body.code).toBe('PDF_UNAVAILABLE');
      expect(response.body.message).toContain('พิมพ์ใบลงชื่อ');
      // The HTML needs no Chromium.
      await agent.get(`/api/sessions/${own.id}/attendance-sheet.html`).expect(200);
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
      await other.close();
    }
  });
});
