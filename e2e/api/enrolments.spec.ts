import ExcelJS from 'exceljs';
import type TestAgent from 'supertest/lib/agent';
import { createSession, startTestApp, TestApp } from '../support/test-app';

const csv = (lines: string[]) => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
const HEADER = 'ชื่อ-นามสกุล,กลุ่ม,หมู่ที่,โรงเรียน,ช่วงอายุ,โทรศัพท์,ผู้ปกครองที่ให้ความยินยอม';

describe('enrolment: registry, capacity and waitlist, check-in, import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function person(organizer: TestAgent, fullName: string, group = 'staff'): Promise<string> {
    return (await organizer.post('/api/people').send({ fullName, group }).expect(201)).body.person.id;
  }
  const byName = (list: { enrolments: { person: { fullName: string }; status: string; waitlistPosition: number | null }[] }) =>
    Object.fromEntries(list.enrolments.map((e) => [e.person.fullName, [e.status, e.waitlistPosition]]));

  it('seats people up to capacity, waitlists the rest, and a withdrawal promotes the first in line', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1', { capacity: 2 });
    for (const name of ['ก ไก่', 'ข ไข่', 'ค ควาย', 'ง งู']) {
      await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: await person(organizer, name) }).expect(201);
    }
    const list = (await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    expect(byName(list)).toEqual({ 'ก ไก่': ['enrolled', null], 'ข ไข่': ['enrolled', null], 'ค ควาย': ['waitlisted', 1], 'ง งู': ['waitlisted', 2] });
    expect(list.counts).toMatchObject({ enrolled: 2, waitlisted: 2 });

    const first = list.enrolments.find((e: { person: { fullName: string } }) => e.person.fullName === 'ก ไก่');
    const after = (await organizer.patch(`/api/enrolments/${first.id}`).send({ status: 'withdrawn' }).expect(200)).body;
    expect(byName(after)).toEqual({ 'ก ไก่': ['withdrawn', null], 'ข ไข่': ['enrolled', null], 'ค ควาย': ['enrolled', null], 'ง งู': ['waitlisted', 1] });

    // The plan's progress counts people with a seat and people still waiting.
    const programs = (await organizer.get(`/api/programs?fiscalYear=${session.fiscalYear}`).expect(200)).body;
    expect(programs.programs.find((p: { code: string }) => p.code === '1.1.1').progress).toMatchObject({ attended: 0, enrolled: 2, waitlisted: 1 });

    const again = await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: list.enrolments[1].person.id }).expect(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');
  });

  it('never puts a session over capacity when two organizers take the last seat at the same moment', async () => {
    const org = await t.createOrganization();
    const [a, b] = [await org.login('organizer'), await org.login('admin')];
    const session = await createSession(a, '1.1.2', { capacity: 1 });
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(a, `คนที่ ${i + 1}`)));
    await Promise.all(people.map((id, i) => (i % 2 ? a : b).post(`/api/sessions/${session.id}/enrolments`).send({ personId: id }).expect(201)));
    const list = (await a.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    expect(list.counts).toMatchObject({ enrolled: 1, waitlisted: 7 });
    expect(list.enrolments.filter((e: { waitlistPosition: number | null }) => e.waitlistPosition).map((e: { waitlistPosition: number }) => e.waitlistPosition).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('checks people in from the tablet list, marks absence, and refuses check-in after the session', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.2.1', { capacity: 1 });
    await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: await person(organizer, 'มา ตรงเวลา', 'citizen') }).expect(201);
    await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: await person(organizer, 'สำรอง ไว้ก่อน', 'citizen') }).expect(201);
    const list = (await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    const [seated, waiting] = ['มา ตรงเวลา', 'สำรอง ไว้ก่อน'].map((n) => list.enrolments.find((e: { person: { fullName: string } }) => e.person.fullName === n));

    const checkedIn = (await organizer.patch(`/api/enrolments/${seated.id}`).send({ status: 'attended' }).expect(200)).body;
    expect(checkedIn.enrolments.find((e: { id: string }) => e.id === seated.id).checkedInAt).not.toBeNull();
    expect((await organizer.patch(`/api/enrolments/${waiting.id}`).send({ status: 'attended' }).expect(409)).body.code).toBe('SESSION_FULL');
    await organizer.patch(`/api/enrolments/${seated.id}`).send({ status: 'absent' }).expect(200);
    await organizer.patch(`/api/enrolments/${seated.id}`).send({ status: 'waitlisted' }).expect(400);

    await organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'cancelled' }).expect(200);
    const late = await organizer.patch(`/api/enrolments/${seated.id}`).send({ status: 'attended' }).expect(409);
    expect(late.body.message).toMatch(/[ก-๙]/);
    await (await org.login('manager')).get(`/api/sessions/${session.id}/enrolments`).expect(403);
  });

  it("checks a listed person in from their own phone by name, and keeps strangers out when walk-ins are off", async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: false });
    await organizer.post(`/api/sessions/${session.id}/enrolments`).send({ personId: await person(organizer, 'นางสาวสมศรี ใจดี') }).expect(201);

    const phone = t.http();
    const joined = await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมศรี  ใจดี', group: 'staff' }).expect(200);
    expect(joined.body.me.fullName).toBe('นางสาวสมศรี ใจดี');
    const list = (await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    expect(list.counts).toMatchObject({ attended: 1, enrolled: 0 });
    expect(list.enrolments).toHaveLength(1);

    const stranger = await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'คนแปลก หน้า', group: 'staff' }).expect(404);
    expect(stranger.body.code).toBe('NOT_ON_LIST');
    // The same name from a second phone is not let in as the same person again: that phone is sent to the organizer.
    const twice = await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'สมศรี ใจดี', group: 'staff' }).expect(409);
    expect(twice.body.code).toBe('CHECKED_IN_ON_ANOTHER_PHONE');
  });

  it('counts a walk-in who comes to a second session once toward the target', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await createSession(organizer, '1.1.1', { title: 'รุ่นที่ 1' });
    const second = await createSession(organizer, '1.1.1', { title: 'รุ่นที่ 2', venue: 'ห้องประชุม 2' });
    await t.http().post(`/api/join/${first.joinCode}`).send({ fullName: 'สมปอง มาทุกรุ่น', group: 'executive' }).expect(200);
    await t.http().post(`/api/join/${second.joinCode}`).send({ fullName: 'นายสมปอง มาทุกรุ่น', group: 'executive' }).expect(200);
    const programs = (await organizer.get(`/api/programs?fiscalYear=${first.fiscalYear}`).expect(200)).body;
    expect(programs.programs.find((p: { code: string }) => p.code === '1.1.1').progress).toMatchObject({ attended: 1, sessionsHeld: 2 });
  });

  it('previews a CSV with every bad row by line, field and reason, imports only the valid rows, and twice adds nothing', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1', { capacity: 3 });
    const file = csv([
      HEADER,
      'ด.ช. หนึ่ง ดี,เยาวชน,1,โรงเรียนบ้านพร่อน,12-14,,นางหนึ่ง ดี',
      ',เยาวชน,2,,,,',
      'ด.ญ. สาม ดี,นักบินอวกาศ,2,,,,',
      'ด.ญ. สี่ ดี,เยาวชน,หมู่ห้า,,15-17,,นายสี่ ดี',
      'ด.ช. ห้า ดี,เยาวชน,4,,15-17,,',
      'นายหก ดี,ประชาชน,ม.6,,,081-234-5678,',
      'นายเจ็ด ดี,ประชาชน,7,,,12345,',
      'หก ดี,ประชาชน,6,,,,',
      '',
      'นางแปด ดี,ผู้บริหาร,,,,,',
      'นายเก้า ดี,สมาชิกสภา,9,,,,',
    ]);
    const preview = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/preview`).attach('file', file, 'youth.csv').expect(200)).body;
    expect(preview.totalRows).toBe(10); // the blank line is not a row
    expect(preview.errors).toEqual([
      { line: 3, field: 'ชื่อ-นามสกุล', reason: 'กรุณากรอกชื่อ-นามสกุล' },
      { line: 4, field: 'กลุ่ม', reason: expect.stringContaining('ไม่รู้จักกลุ่ม "นักบินอวกาศ"') },
      { line: 5, field: 'หมู่ที่', reason: 'หมู่ที่ "หมู่ห้า" ไม่ใช่ตัวเลข' },
      { line: 6, field: 'ผู้ปกครองที่ให้ความยินยอม', reason: 'ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม' },
      { line: 8, field: 'โทรศัพท์', reason: expect.stringContaining('เบอร์โทรศัพท์') },
      { line: 9, field: 'ชื่อ-นามสกุล', reason: 'ซ้ำกับแถวที่ 7 ในไฟล์เดียวกัน' },
    ]);
    expect(preview.valid.map((r: { line: number }) => r.line)).toEqual([2, 7, 11, 12]);
    expect(preview.valid[1]).toMatchObject({ fullName: 'นายหก ดี', village: 6, phone: '0812345678', alreadyEnrolled: false });
    // The preview changes nothing.
    expect((await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body.enrolments).toEqual([]);

    const rows = preview.valid.map(({ alreadyEnrolled: _, ...row }: { alreadyEnrolled: boolean }) => row);
    const imported = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/confirm`).send({ rows }).expect(200)).body;
    expect(imported).toEqual({ enrolled: 3, waitlisted: 1, alreadyEnrolled: 0, newPeople: 4, errors: [] });
    const twice = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/confirm`).send({ rows }).expect(200)).body;
    expect(twice).toEqual({ enrolled: 0, waitlisted: 0, alreadyEnrolled: 4, newPeople: 0, errors: [] });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1`, [org.id]);
    expect(n).toBe(4);
    const previewAgain = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/preview`).attach('file', file, 'youth.csv').expect(200)).body;
    expect(previewAgain.valid.every((r: { alreadyEnrolled: boolean }) => r.alreadyEnrolled)).toBe(true);
  });

  it('imports 190 youth from an XLSX spreadsheet', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1', { capacity: 200 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('รายชื่อ');
    sheet.addRow(HEADER.split(','));
    for (let i = 1; i <= 190; i++) {
      sheet.addRow([`เยาวชน คนที่ ${i}`, 'เยาวชน', (i % 12) + 1, 'โรงเรียนบ้านพร่อน', i % 2 ? '15-17' : '20-25', '', i % 2 ? `ผู้ปกครอง ${i}` : '']);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/preview`).attach('file', buffer, 'youth.xlsx').expect(200)).body;
    expect(preview.errors).toEqual([]);
    expect(preview.valid).toHaveLength(190);
    const rows = preview.valid.map(({ alreadyEnrolled: _, ...row }: { alreadyEnrolled: boolean }) => row);
    const imported = (await organizer.post(`/api/sessions/${session.id}/enrolments/import/confirm`).send({ rows }).expect(200)).body;
    expect(imported).toMatchObject({ enrolled: 190, newPeople: 190 });
    const minors = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND guardian_consent_recorded_at IS NOT NULL`, [org.id]);
    expect(minors[0].n).toBe(95);
  });

  it('refuses a file that is not a spreadsheet, or has no name column, with a Thai message', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.3.1');
    const url = `/api/sessions/${session.id}/enrolments/import/preview`;
    expect((await organizer.post(url).attach('file', Buffer.from('x'), 'list.pdf').expect(400)).body.code).toBe('IMPORT_FILE_INVALID');
    const noName = await organizer.post(url).attach('file', csv(['กลุ่ม,หมู่ที่', 'เยาวชน,1']), 'list.csv').expect(400);
    expect(noName.body.message).toContain('ชื่อ-นามสกุล');
    expect((await organizer.post(url).expect(400)).body.code).toBe('IMPORT_FILE_INVALID');
    const latin1 = Buffer.from([0x66, 0x75, 0x6c, 0x6c, 0x4e, 0x61, 0x6d, 0x65, 0x2c, 0x67, 0x72, 0x6f, 0x75, 0x70, 0x0a, 0xca, 0xc1, 0x2c, 0x78]);
    expect((await organizer.post(url).attach('file', latin1, 'tis620.csv').expect(400)).body.message).toContain('UTF-8');
    const template = await organizer.get('/api/enrolments/import-template.csv').expect(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.text.startsWith(`\ufeff${HEADER}`)).toBe(true);
  });
});
