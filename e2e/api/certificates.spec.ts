import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type TestAgent from 'supertest/lib/agent';
import { renderCertificatesHtml } from '@sujarit/api/certificates/certificate.template';
import { closeTest, createSession, openTest, startTestApp, TestApp, TestOrganization, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
interface Row {
  personId: string;
  fullName: string;
  attended: boolean;
  postPercent: number | null;
  qualifies: boolean;
  certificate: { code: string; revokedAt: string | null; revocationCause: string | null; revocationReason: string | null } | null;
}

const squash = (text: string) => text.replace(/\s+/g, '');
const CODE = /^[ACDEFGHJKMNPQRTUVWXY3467]{12}$/;

/**
 * Certificates of a session: the criterion from hand-made attempts (the post-test fixed to four single-choice
 * questions of equal points, so k right is 25·k %, against the pass mark of 60 %), issuing once, the PDF's text,
 * and the public verification before and after withdrawal and erasure.
 */
describe('certificates', () => {
  let t: TestApp;
  let org: TestOrganization;
  let organizer: TestAgent;
  let session: Session;
  let programId: string;
  const people = [
    { name: 'นางสาวผ่านเกณฑ์ สิ้นสุดดี', post: 3 }, // 75 %: passes
    { name: 'นายพอดี ญี่ปุ่นสมบูรณ์', post: 2 }, // 50 %: below 60
    { name: 'นายไม่ได้สอบ ปั้นงาม', post: null }, // attended, no post-test
  ];

  const trustProxy = process.env.TRUST_PROXY;
  beforeAll(async () => {
    // The throttle test sends from addresses of its own (X-Forwarded-For), as behind a reverse proxy.
    process.env.TRUST_PROXY = 'loopback';
    t = await startTestApp();
    org = await t.createOrganization('องค์การบริหารส่วนตำบลเกียรติบัตรทดสอบ');
    organizer = await org.login('organizer');
    const admin = await org.login('admin');
    const profile = (await admin.get('/api/organization').expect(200)).body;
    await admin
      .put('/api/organization')
      .send({
        name: profile.name,
        shortName: profile.shortName ?? 'อบต.ทดสอบ',
        nameEn: profile.nameEn,
        province: profile.province ?? 'นราธิวาส',
        address: profile.address,
        signatoryName: 'นายสมชาย ใจดี',
        signatoryPosition: 'นายกองค์การบริหารส่วนตำบลเกียรติบัตรทดสอบ',
      })
      .expect(200);
    // A 120×80 logo, filled brown: printed at the top of every certificate.
    const logo = new PNG({ width: 120, height: 80 });
    logo.data.fill(0x80);
    await admin.put('/api/organization/logo').attach('file', PNG.sync.write(logo), { filename: 'logo.png', contentType: 'image/png' }).expect(200);
    session = await createSession(organizer, '1.1.1', { startsAt: '2026-03-04T09:00:00+07:00', endsAt: '2026-03-04T16:00:00+07:00' });
    programId = session.programId;

    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const questions = (detail.questions as { id: string; type: string; points: number }[]).filter((q) => q.type === 'single_choice');
    const four = questions.filter((q) => q.points === questions[0].points).slice(0, 4);
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } })
      .expect(200);

    // Walk-ins who join are checked in (attended).
    const phones: TestAgent[] = [];
    for (const person of people) {
      const phone = t.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: person.name, group: 'staff' }).expect(200);
      phones.push(phone);
    }
    await openTest(organizer, session, 'post_test');
    for (const [i, person] of people.entries()) {
      if (person.post !== null) expect(await takeTest(phones[i], session, person.post)).toBe(person.post * 25);
    }
    await closeTest(organizer, session, 'post_test');
  });
  afterAll(async () => {
    await t.close();
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
  });

  const list = async (agent: TestAgent = organizer) => (await agent.get(`/api/sessions/${session.id}/certificates`).expect(200)).body as { criterion: string; passMarkPercent: number; people: Row[] };
  const row = async (name: string) => (await list()).people.find((p) => p.fullName === name) as Row;
  const setCriterion = async (criterion: string) => {
    const programs = (await organizer.get(`/api/programs?fiscalYear=${session.fiscalYear}`).expect(200)).body.programs;
    const settings = programs.find((p: { id: string }) => p.id === programId).year;
    const { targetHeadcount, sessionsRequired, budgetBaht, passMarkPercent, targetPassRatePercent, indicatorBasis } = settings;
    const ownerUnit = programs.find((p: { id: string }) => p.id === programId).ownerUnit;
    await organizer
      .put(`/api/programs/${programId}/years/${session.fiscalYear}`)
      .send({ targetHeadcount, sessionsRequired, budgetBaht, passMarkPercent, targetPassRatePercent, indicatorBasis, ownerUnit, certificateCriterion: criterion })
      .expect(200);
  };

  it("qualifies everyone who attended under 'attended', and only the post-test at or above 60 % under 'attended_and_passed', audited", async () => {
    const attended = await list();
    expect(attended.criterion).toBe('attended');
    expect(attended.people.map((p) => [p.fullName, p.postPercent, p.qualifies])).toEqual(
      expect.arrayContaining([
        [people[0].name, 75, true],
        [people[1].name, 50, true],
        [people[2].name, null, true],
      ]),
    );

    await setCriterion('attended_and_passed');
    const passed = await list();
    expect(passed).toMatchObject({ criterion: 'attended_and_passed', passMarkPercent: 60 });
    expect(Object.fromEntries(passed.people.map((p) => [p.fullName, p.qualifies]))).toEqual({
      [people[0].name]: true,
      [people[1].name]: false,
      [people[2].name]: false,
    });
    const audit = (await (await org.login('admin')).get('/api/audit-events?subject=program_year').expect(200)).body;
    expect(audit.events[0].changes.certificateCriterion).toEqual({ from: 'attended', to: 'attended_and_passed' });

    // Not earned: no certificate for the 50 % one.
    const refused = await organizer.get(`/api/sessions/${session.id}/certificates/${(await row(people[1].name)).personId}/certificate.pdf`).expect(409);
    expect(refused.body.code).toBe('CERTIFICATE_NOT_EARNED');
    await setCriterion('attended');
  });

  it('issues once: the same person and session give the same certificate and code, also at once', async () => {
    const { personId } = await row(people[0].name);
    const url = `/api/sessions/${session.id}/certificates/${personId}/certificate.pdf`;
    await Promise.all([organizer.get(url).expect(200), organizer.get(url).expect(200), (await org.login('manager')).get(url).expect(200)]);
    const first = (await row(people[0].name)).certificate;
    expect(first?.code).toMatch(CODE);
    await organizer.get(`/api/sessions/${session.id}/certificates.pdf`).expect(200);
    expect((await row(people[0].name)).certificate?.code).toBe(first?.code);
    const counted: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM certificates WHERE organization_id = $1 AND person_id = $2`, [org.id, personId]);
    expect(counted[0].n).toBe(1);
    // The whole session's file issued the other two.
    const all = await list();
    expect(new Set(all.people.map((p) => p.certificate?.code)).size).toBe(3);
  });

  it("prints the name, training, Buddhist-Era date and code in Sarabun, with correct Thai, one A4 landscape page each", async () => {
    const { personId, certificate } = await row(people[0].name);
    const response = await organizer.get(`/api/sessions/${session.id}/certificates/${personId}/certificate.pdf`).responseType('blob').expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const whole = await organizer.get(`/api/sessions/${session.id}/certificates.pdf`).responseType('blob').expect(200);
    const folder = mkdtempSync(join(tmpdir(), 'sujarit-certificate-'));
    try {
      writeFileSync(join(folder, 'one.pdf'), response.body as Buffer);
      writeFileSync(join(folder, 'all.pdf'), whole.body as Buffer);
      const text = run('pdftotext', ['-enc', 'UTF-8', join(folder, 'one.pdf'), '-']);
      expect(squash(text)).toContain(squash(people[0].name));
      expect(squash(text)).toContain(squash('ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า'));
      expect(squash(text)).toContain(squash('ได้ผ่านการอบรมโครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน'));
      expect(squash(text)).toContain(squash('4 มีนาคม พ.ศ. 2569'));
      expect(squash(text)).toContain(squash('องค์การบริหารส่วนตำบลเกียรติบัตรทดสอบ'));
      expect(squash(text)).toContain(squash('(นายสมชาย ใจดี)'));
      expect(text).toContain(certificate?.code as string);
      expect(text).toContain(`/verify/${certificate?.code}`);
      expect(run('pdffonts', [join(folder, 'one.pdf')])).toMatch(/Sarabun/);
      // The QR code, read back from the printed page, opens the public check of this code.
      run('pdftoppm', ['-png', '-r', '150', '-singlefile', join(folder, 'one.pdf'), join(folder, 'page')]);
      const page = PNG.sync.read(readFileSync(join(folder, 'page.png')));
      expect(jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/verify/${certificate?.code}$`));
      // The logo is the page's one raster image (the QR code is drawn as vectors), at its own 120×80.
      expect(run('pdfimages', ['-list', join(folder, 'one.pdf')])).toMatch(/^\s*1\s+0\s+image\s+120\s+80\b/m);
      const info = run('pdfinfo', [join(folder, 'all.pdf')]);
      expect(info).toMatch(/Pages:\s+3\b/);
      // A4 landscape (Chromium rounds it to whole CSS pixels: 842.88 × 595.92 points).
      expect(info).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
      const allText = squash(run('pdftotext', ['-enc', 'UTF-8', join(folder, 'all.pdf'), '-']));
      for (const person of people) expect(allText).toContain(squash(person.name));
      if (process.env.SUJARIT_CERTIFICATE_PNG) run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(folder, 'one.pdf'), process.env.SUJARIT_CERTIFICATE_PNG]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('verifies a code publicly with the name, training, date, organization and status only', async () => {
    const { certificate } = await row(people[0].name);
    const verified = await t.http().get(`/api/certificates/verify/${certificate?.code}`).expect(200);
    expect(verified.body).toEqual({
      code: certificate?.code,
      status: 'valid',
      fullName: people[0].name,
      training: 'โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน สำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
      sessionDate: '2026-03-04',
      organizationName: 'องค์การบริหารส่วนตำบลเกียรติบัตรทดสอบ',
      revokedAt: null,
    });
    const unknown = await t.http().get('/api/certificates/verify/AAAAAAAAAAAA').expect(404);
    expect(unknown.body).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND', message: expect.stringMatching(/ไม่พบเกียรติบัตร/) });
    await t.http().get('/api/certificates/verify/not-a-code').expect(404);
  });

  it('stops verifying after an organizer withdraws it, with the reason kept and audited', async () => {
    const { personId, certificate } = await row(people[1].name);
    const manager = await org.login('manager');
    await manager.post(`/api/sessions/${session.id}/certificates/${personId}/withdraw`).send({ reason: 'ออกให้ผิดคน' }).expect(403);
    await organizer.post(`/api/sessions/${session.id}/certificates/${personId}/withdraw`).send({ reason: '' }).expect(400);
    const after = (await organizer.post(`/api/sessions/${session.id}/certificates/${personId}/withdraw`).send({ reason: 'ออกให้ผิดคน' }).expect(200)).body;
    expect(after.people.find((p: Row) => p.personId === personId).certificate).toMatchObject({ revocationCause: 'withdrawn', revocationReason: 'ออกให้ผิดคน' });
    const verified = (await t.http().get(`/api/certificates/verify/${certificate?.code}`).expect(200)).body;
    expect(verified).toMatchObject({ status: 'revoked', fullName: null });
    expect(verified.revokedAt).toEqual(expect.any(String));
    expect(JSON.stringify(verified)).not.toContain(people[1].name);
    const again = await organizer.post(`/api/sessions/${session.id}/certificates/${personId}/withdraw`).send({ reason: 'ซ้ำ' }).expect(409);
    expect(again.body.code).toBe('CERTIFICATE_REVOKED');
    // Revoked certificates leave the session's file, and are not printed alone.
    await organizer.get(`/api/sessions/${session.id}/certificates/${personId}/certificate.pdf`).expect(409);
    const audit = (await (await org.login('admin')).get('/api/audit-events?subject=certificate').expect(200)).body;
    expect(audit.events[0]).toMatchObject({ action: 'certificate.withdrawn', subject: { label: certificate?.code } });
    expect(JSON.stringify(audit.events[0])).not.toContain('ออกให้ผิดคน');
  });

  it('says revoked, without the name, once the person is erased or their enrolment withdrawn', async () => {
    const erased = await row(people[0].name);
    await organizer.post(`/api/people/${erased.personId}/erase`).send({}).expect(200);
    const verified = (await t.http().get(`/api/certificates/verify/${erased.certificate?.code}`).expect(200)).body;
    expect(verified).toMatchObject({ status: 'revoked', fullName: null, training: expect.any(String) });
    expect(JSON.stringify(verified)).not.toContain(people[0].name);
    expect(verified.revokedAt).toEqual(expect.any(String));

    const withdrawn = await row(people[2].name);
    const enrolments = (await organizer.get(`/api/sessions/${session.id}/enrolments`).expect(200)).body;
    const enrolment = enrolments.enrolments.find((e: { person: { id: string } }) => e.person.id === withdrawn.personId);
    await organizer.patch(`/api/enrolments/${enrolment.id}`).send({ status: 'withdrawn' }).expect(200);
    expect((await t.http().get(`/api/certificates/verify/${withdrawn.certificate?.code}`).expect(200)).body).toMatchObject({ status: 'revoked', fullName: null });
    expect((await row(people[2].name)).certificate?.revocationCause).toBe('enrolment_withdrawn');
  });

  it("keeps another organization out: it can neither read, print nor withdraw this session's certificates", async () => {
    const stranger = await (await t.createOrganization()).login('organizer');
    const { personId } = (await list()).people[0];
    for (const url of [`/api/sessions/${session.id}/certificates`, `/api/sessions/${session.id}/certificates.pdf`, `/api/sessions/${session.id}/certificates/${personId}/certificate.pdf`]) {
      expect((await stranger.get(url).expect(404)).body.code).toBe('SESSION_NOT_FOUND');
    }
    await stranger.post(`/api/sessions/${session.id}/certificates/${personId}/withdraw`).send({ reason: 'ไม่ใช่ของเรา' }).expect(404);
    await t.http().get(`/api/sessions/${session.id}/certificates`).expect(401);
  });

  it('refuses an address after 100 unknown codes in 15 minutes, as for join codes, and no other address', async () => {
    const { certificate } = (await list()).people[0];
    const guesser = '203.0.113.41';
    for (let i = 0; i < 100; i++) {
      const code = `ACDEFGHJK${String(i).padStart(3, '0').replace(/[0-9]/g, (d) => 'MNPQRTUVWX'[Number(d)])}`;
      await t.http().get(`/api/certificates/verify/${code}`).set('X-Forwarded-For', guesser).expect(404);
    }
    const refused = await t.http().get('/api/certificates/verify/ACDEFGHJKMNP').set('X-Forwarded-For', guesser).expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_CERTIFICATE_LOOKUPS', message: expect.stringMatching(/15 นาที/) });
    await t.http().get(`/api/certificates/verify/${certificate?.code}`).set('X-Forwarded-For', '203.0.113.42').expect(200);
  });

  it('escapes every printed field: text typed by people never becomes markup', () => {
    const html = renderCertificatesHtml([
      {
        organizationName: 'อบต.<script>alert(1)</script>',
        logoDataUrl: null,
        fullName: '<img src=x onerror=alert(1)>',
        programName: 'โครงการ "ทดสอบ" & \'อื่น ๆ\'',
        sessionTitle: '</p><h1>รุ่น</h1>',
        sessionDate: '4 มีนาคม พ.ศ. 2569',
        signatoryName: '<b>นายก</b>',
        signatoryPosition: '<i>ตำแหน่ง</i>',
        code: 'ACDEFGHJKMNP',
        verifyUrl: 'https://example.go.th/verify/ACDEFGHJKMNP',
        qrSvg: '<svg></svg>',
      },
    ]);
    for (const raw of ['<script>', '<img src=x', '</p><h1>', '<b>นายก', '<i>ตำแหน่ง']) expect(html).not.toContain(raw);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('โครงการ &quot;ทดสอบ&quot; &amp; &#39;อื่น ๆ&#39;');
  });

  function run(command: string, args: string[]): string {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    expect({ status: result.status, error: result.error?.message }).toEqual({ status: 0, error: undefined });
    return result.stdout;
  }

  /** Takes the session's post-test with `right` of its four questions right; returns its percent. */
  async function takeTest(phone: TestAgent, s: Session, right: number): Promise<number> {
    const attempt = (await phone.post(`/api/join/${s.joinCode}/assessments/${testIdOf(s, 'post_test')}/attempt`).send({}).expect(200)).body;
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(`SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`, [ids]);
    const keys = new Map(rows.map((r) => [r.id, r.correct_option_ids]));
    const answers: Record<string, string[]> = {};
    (attempt.questions as { id: string; options: { id: string }[] }[]).forEach((q, i) => {
      const key = keys.get(q.id) as string[];
      answers[q.id] = i < right ? key : [q.options.filter((o) => !key.includes(o.id))[0].id];
    });
    const result = await phone.post(`/api/join/${s.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    return result.body.percent as number;
  }
});
