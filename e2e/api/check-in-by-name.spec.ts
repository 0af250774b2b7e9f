import ExcelJS from 'exceljs';
import { WRONG_CHECK_IN_CODE_LIMIT, WRONG_CHECK_IN_CODE_WINDOW_MS } from '@sujarit/api/trainee/trainee-access';
import type TestAgent from 'supertest/lib/agent';
import { createSession, openTest, startTestApp, TestApp, TestClock, testIdOf } from '../support/test-app';

interface ListedEnrolment {
  id: string;
  status: string;
  onPhone: boolean;
  checkInCode: string;
  person: { id: string; fullName: string };
}

/**
 * Checking in by name from a phone: a name already held by another phone never becomes a second person; the
 * organizer moves the check-in to the new phone; a session may ask for a personal code printed on the list.
 */
describe('check-in by name', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const addPerson = async (organizer: TestAgent, fullName: string, group = 'staff') =>
    (await organizer.post('/api/people').send({ fullName, group }).expect(201)).body.person.id as string;
  const enrol = (organizer: TestAgent, sessionId: string, personId: string) =>
    organizer.post(`/api/sessions/${sessionId}/enrolments`).send({ personId }).expect(201);
  const listOf = async (organizer: TestAgent, sessionId: string) =>
    (await organizer.get(`/api/sessions/${sessionId}/enrolments`).expect(200)).body as {
      enrolments: ListedEnrolment[];
      checkInCodeRequired: boolean;
    };
  const enrolmentOf = async (organizer: TestAgent, sessionId: string, fullName: string) => {
    const found = (await listOf(organizer, sessionId)).enrolments.find((e) => e.person.fullName === fullName);
    if (!found) throw new Error(`${fullName} is not on the list`);
    return found;
  };
  const peopleNamed = async (organizationId: string, fullName: string): Promise<number> => {
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM people WHERE organization_id = $1 AND full_name = $2`, [
      organizationId,
      fullName,
    ]);
    return count;
  };
  const attendedOf = async (organizer: TestAgent, fiscalYear: number, programCode: string) => {
    const programs = (await organizer.get(`/api/programs?fiscalYear=${fiscalYear}`).expect(200)).body;
    return programs.programs.find((p: { code: string }) => p.code === programCode).progress.attended as number;
  };

  it('refuses a listed name already checked in on another phone with a Thai message, and never makes a second person', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    // Walk-ins are allowed: the name must not slip in as a walk-in either.
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: true });
    await enrol(organizer, session.id, await addPerson(organizer, 'นางสาวสมศรี ใจดี'));

    const phoneA = t.http();
    await phoneA.post(`/api/join/${session.joinCode}`).send({ fullName: 'สมศรี ใจดี', group: 'staff' }).expect(200);
    for (const fullName of ['สมศรี ใจดี', 'นางสาวสมศรี  ใจดี']) {
      const phoneB = t.http();
      const refused = await phoneB.post(`/api/join/${session.joinCode}`).send({ fullName, group: 'staff' }).expect(409);
      expect(refused.body).toEqual({ code: 'CHECKED_IN_ON_ANOTHER_PHONE', message: expect.stringContaining('ติดต่อผู้จัดการอบรม') });
      expect(refused.headers['set-cookie']).toBeUndefined();
      expect((await phoneB.get(`/api/join/${session.joinCode}`).expect(200)).body.me).toBeNull();
    }
    // Phone A keeps its check-in; the registry and the indicator still count one person.
    expect((await phoneA.get(`/api/join/${session.joinCode}`).expect(200)).body.me.fullName).toBe('นางสาวสมศรี ใจดี');
    expect(await peopleNamed(org.id, 'นางสาวสมศรี ใจดี')).toBe(1);
    expect(await peopleNamed(org.id, 'สมศรี ใจดี')).toBe(0);
    expect((await listOf(organizer, session.id)).enrolments).toHaveLength(1);
    expect(await attendedOf(organizer, session.fiscalYear, '1.1.1')).toBe(1);

    // A walk-in who checked in on a phone is protected the same way.
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'นายมา หน้างาน', group: 'citizen' }).expect(200);
    const again = await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'นายมา หน้างาน', group: 'citizen' }).expect(409);
    expect(again.body.code).toBe('CHECKED_IN_ON_ANOTHER_PHONE');
    expect(await peopleNamed(org.id, 'นายมา หน้างาน')).toBe(1);
  });

  it('lets a phone take a check-in the organizer made at the door, keeping its time, and brings back a withdrawn person as the same person', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.2.1', { allowWalkIns: true });
    await enrol(organizer, session.id, await addPerson(organizer, 'นายเช็กอิน ที่โต๊ะ', 'citizen'));
    await enrol(organizer, session.id, await addPerson(organizer, 'นายถอนตัว แล้วมา', 'citizen'));
    const atDoor = await enrolmentOf(organizer, session.id, 'นายเช็กอิน ที่โต๊ะ');
    const checkedIn = (await organizer.patch(`/api/enrolments/${atDoor.id}`).send({ status: 'attended' }).expect(200)).body.enrolments.find(
      (e: ListedEnrolment) => e.id === atDoor.id,
    );
    const withdrawn = await enrolmentOf(organizer, session.id, 'นายถอนตัว แล้วมา');
    await organizer.patch(`/api/enrolments/${withdrawn.id}`).send({ status: 'withdrawn' }).expect(200);

    clock.advanceMinutes(10);
    const phone = (await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'นายเช็กอิน ที่โต๊ะ', group: 'citizen' }).expect(200)).body;
    expect(phone.me.checkedInAt).toBe(checkedIn.checkedInAt);
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'นายถอนตัว แล้วมา', group: 'citizen' }).expect(200);

    const list = await listOf(organizer, session.id);
    expect(list.enrolments.map((e) => [e.person.fullName, e.status, e.onPhone]).sort()).toEqual([
      ['นายถอนตัว แล้วมา', 'attended', true],
      ['นายเช็กอิน ที่โต๊ะ', 'attended', true],
    ]);
    expect(await peopleNamed(org.id, 'นายเช็กอิน ที่โต๊ะ')).toBe(1);
    expect(await peopleNamed(org.id, 'นายถอนตัว แล้วมา')).toBe(1);
  });

  it('moves a check-in to a new phone: the old phone loses access, the new one resumes the attempt with its answers', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1', { allowWalkIns: false });
    await enrol(organizer, session.id, await addPerson(organizer, 'นายโทรศัพท์ แบตหมด'));
    await openTest(organizer, session, 'pre_test');
    const preId = testIdOf(session, 'pre_test');

    const oldPhone = t.http();
    await oldPhone.post(`/api/join/${session.joinCode}`).send({ fullName: 'นายโทรศัพท์ แบตหมด', group: 'staff' }).expect(200);
    const started = (await oldPhone.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({ attemptNumber: 1 }).expect(200))
      .body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    const [q] = started.questions;
    await oldPhone.put(`/api/join/${session.joinCode}/attempts/${started.id}/answers/${q.id}`).send({ optionIds: [q.options[1].id] }).expect(204);

    const newPhone = t.http();
    expect((await newPhone.post(`/api/join/${session.joinCode}`).send({ fullName: 'นายโทรศัพท์ แบตหมด', group: 'staff' }).expect(409)).body.code).toBe(
      'CHECKED_IN_ON_ANOTHER_PHONE',
    );
    const enrolment = await enrolmentOf(organizer, session.id, 'นายโทรศัพท์ แบตหมด');
    expect(enrolment.onPhone).toBe(true);

    // Only the organization's organizers and admins may move it.
    await (await org.login('manager')).post(`/api/enrolments/${enrolment.id}/release-phone`).expect(403);
    const stranger = await (await t.createOrganization()).login('organizer');
    expect((await stranger.post(`/api/enrolments/${enrolment.id}/release-phone`).expect(404)).body.code).toBe('ENROLMENT_NOT_FOUND');

    const moved = (await organizer.post(`/api/enrolments/${enrolment.id}/release-phone`).expect(200)).body as { enrolments: ListedEnrolment[] };
    expect(moved.enrolments.find((e) => e.id === enrolment.id)).toMatchObject({ status: 'attended', onPhone: false });

    // The old phone is told it is no longer joined, and can no longer answer.
    const oldView = (await oldPhone.get(`/api/join/${session.joinCode}`).expect(200)).body;
    expect(oldView).toMatchObject({ me: null, noLongerJoined: true });
    const lost = await oldPhone.put(`/api/join/${session.joinCode}/attempts/${started.id}/answers/${q.id}`).send({ optionIds: [q.options[0].id] }).expect(401);
    expect(lost.body.code).toBe('NOT_JOINED');
    await oldPhone.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({ attemptNumber: 1 }).expect(401);

    // The new phone checks in as the same person and carries on the same attempt, its saved answer kept.
    const joined = (await newPhone.post(`/api/join/${session.joinCode}`).send({ fullName: 'นายโทรศัพท์ แบตหมด', group: 'staff' }).expect(200)).body;
    expect(joined).toMatchObject({ me: { fullName: 'นายโทรศัพท์ แบตหมด' }, noLongerJoined: false });
    expect(joined.assessments.find((a: { id: string }) => a.id === preId).myAttempt.id).toBe(started.id);
    const resumed = (await newPhone.post(`/api/join/${session.joinCode}/assessments/${preId}/attempt`).send({ attemptNumber: 1 }).expect(200)).body;
    expect(resumed.id).toBe(started.id);
    expect(resumed.answers).toEqual({ [q.id]: [q.options[1].id] });
    // Now the old phone is the one refused as a second phone.
    expect((await oldPhone.post(`/api/join/${session.joinCode}`).send({ fullName: 'นายโทรศัพท์ แบตหมด', group: 'staff' }).expect(409)).body.code).toBe(
      'CHECKED_IN_ON_ANOTHER_PHONE',
    );
    expect(await peopleNamed(org.id, 'นายโทรศัพท์ แบตหมด')).toBe(1);

    // Once the session is over there is nothing to move.
    await organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'open' }).expect(200);
    await organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'completed' }).expect(200);
    expect((await organizer.post(`/api/enrolments/${enrolment.id}/release-phone`).expect(409)).body.message).toMatch(/[ก-๙]/);
  });

  describe('a session that asks for personal check-in codes', () => {
    let org: Awaited<ReturnType<TestApp['createOrganization']>>;
    let organizer: TestAgent;
    let session: { id: string; joinCode: string };
    const names = ['นายรหัส หนึ่ง', 'นางรหัส สอง', 'นายรหัส สาม'];

    beforeAll(async () => {
      org = await t.createOrganization();
      organizer = await org.login('organizer');
      session = await createSession(organizer, '1.1.1', { allowWalkIns: true });
      for (const name of names) await enrol(organizer, session.id, await addPerson(organizer, name));
    });

    const join = (body: Record<string, unknown>, address = '192.0.2.10', phone = t.http()) =>
      phone.post(`/api/join/${session.joinCode}`).set('X-Forwarded-For', address).send({ group: 'staff', ...body });
    const codeOf = async (fullName: string) => (await enrolmentOf(organizer, session.id, fullName)).checkInCode;

    it('is off by default, and the organizer turns it on on the session; every enrolment has its own 4-digit code', async () => {
      expect((await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.requireCheckInCode).toBe(false);
      expect((await listOf(organizer, session.id)).checkInCodeRequired).toBe(false);
      const updated = (await organizer.patch(`/api/sessions/${session.id}`).send({ requireCheckInCode: true }).expect(200)).body;
      expect(updated.requireCheckInCode).toBe(true);
      const list = await listOf(organizer, session.id);
      expect(list.checkInCodeRequired).toBe(true);
      const codes = list.enrolments.map((e) => e.checkInCode);
      for (const code of codes) expect(code).toMatch(/^[0-9]{4}$/);
      expect(new Set(codes).size).toBe(codes.length);
      const created = (await organizer.post('/api/sessions').send({ ...(await sessionBody()), requireCheckInCode: true }).expect(201)).body;
      expect(created.requireCheckInCode).toBe(true);
      // A phone learns that the session asks for a code.
      expect((await t.http().get(`/api/join/${session.joinCode}`).expect(200)).body.checkInCodeRequired).toBe(true);
    });

    async function sessionBody() {
      const programs = (await organizer.get('/api/programs').expect(200)).body.programs as { id: string; code: string }[];
      const day = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      return {
        programId: programs[0].id,
        title: 'รุ่นใช้รหัส',
        startsAt: `${day}T09:00:00+07:00`,
        endsAt: `${day}T12:00:00+07:00`,
        venue: 'ห้องอื่น',
        capacity: 10,
      };
    }

    it('asks a listed name for its code, refuses a wrong one or another person\'s, and takes the right one (Thai digits too)', async () => {
      const [first, second] = names;
      const missing = await join({ fullName: first }).expect(400);
      expect(missing.body).toEqual({ code: 'CHECK_IN_CODE_REQUIRED', message: expect.stringContaining('4 หลัก') });
      const malformed = await join({ fullName: first, checkInCode: '12a4' }).expect(400);
      expect(malformed.body.issues).toEqual([expect.objectContaining({ path: 'checkInCode' })]);
      const someoneElses = await join({ fullName: first, checkInCode: await codeOf(second) }).expect(400);
      expect(someoneElses.body).toEqual({ code: 'CHECK_IN_CODE_WRONG', message: expect.stringMatching(/[ก-๙]/) });
      expect((await enrolmentOf(organizer, session.id, first)).status).toBe('enrolled');

      const thaiDigits = (await codeOf(first)).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
      const joined = await join({ fullName: first, checkInCode: thaiDigits }).expect(200);
      expect(joined.body.me.fullName).toBe(first);
      // The right code does not let a second phone take a name a phone holds.
      expect((await join({ fullName: first, checkInCode: await codeOf(first) }).expect(409)).body.code).toBe('CHECKED_IN_ON_ANOTHER_PHONE');
    });

    it('lets walk-ins register without a code and gives them one on the organizer\'s list', async () => {
      await join({ fullName: 'นางสาวมา หน้างาน', group: 'citizen' }).expect(200);
      const walkIn = await enrolmentOf(organizer, session.id, 'นางสาวมา หน้างาน');
      expect(walkIn).toMatchObject({ status: 'attended', onPhone: true, checkInCode: expect.stringMatching(/^[0-9]{4}$/) });
      const codes = (await listOf(organizer, session.id)).enrolments.map((e) => e.checkInCode);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('answers 30 wrong codes per session and address, then refuses even the right code; other addresses go on', async () => {
      const [, second, third] = names;
      const right = await codeOf(second);
      const wrong = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0')).filter((c) => c !== right);
      const statuses = await Promise.all(
        wrong.slice(0, WRONG_CHECK_IN_CODE_LIMIT + 10).map((checkInCode) => join({ fullName: second, checkInCode }, '192.0.2.99').then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 400)).toHaveLength(WRONG_CHECK_IN_CODE_LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const refused = await join({ fullName: second, checkInCode: right }, '192.0.2.99').expect(429);
      expect(refused.body).toEqual({ code: 'TOO_MANY_CHECK_IN_CODE_ATTEMPTS', message: expect.stringContaining('ผู้จัดการอบรม') });
      expect((await enrolmentOf(organizer, session.id, second)).status).toBe('enrolled');

      // Another address in the hall checks in as usual.
      await join({ fullName: third, checkInCode: await codeOf(third) }, '192.0.2.100').expect(200);
      clock.advance(WRONG_CHECK_IN_CODE_WINDOW_MS + 1000);
      await join({ fullName: second, checkInCode: right }, '192.0.2.99').expect(200);
    });

    it('prints each listed person\'s code beside their name on the attendance sheet', async () => {
      const list = await listOf(organizer, session.id);
      const html = (await organizer.get(`/api/sessions/${session.id}/attendance-sheet.html`).expect(200)).text;
      expect(html).toContain('<th>รหัสเช็กอิน</th>');
      for (const e of list.enrolments) {
        expect(html).toMatch(new RegExp(`<td class="name">${e.person.fullName}</td>[\\s\\S]*?<td class="code">${e.checkInCode}</td>`));
      }
      const response = await organizer.get(`/api/sessions/${session.id}/attendance-sheet.xlsx`).responseType('blob').expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      const rows: string[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push(Array.from({ length: 7 }, (_, i) => row.getCell(i + 1).text)));
      const header = rows.findIndex((r) => r[0] === 'ลำดับ');
      expect(rows[header]).toEqual(['ลำดับ', 'ชื่อ-นามสกุล', 'กลุ่ม', 'หมู่ที่', 'รหัสเช็กอิน', 'ลายมือชื่อ', 'หมายเหตุ']);
      for (const e of list.enrolments) expect(rows.find((r) => r[1] === e.person.fullName)?.[4]).toBe(e.checkInCode);

      // Without the setting, no code is printed.
      await organizer.patch(`/api/sessions/${session.id}`).send({ requireCheckInCode: false }).expect(200);
      const plain = (await organizer.get(`/api/sessions/${session.id}/attendance-sheet.html`).expect(200)).text;
      expect(plain).not.toContain('รหัสเช็กอิน');
      for (const e of list.enrolments) expect(plain).not.toContain(`>${e.checkInCode}<`);
    });
  });
});
