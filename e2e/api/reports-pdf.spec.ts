import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, TestOrganization, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;

const ORGANIZATION = 'องค์การบริหารส่วนตำบลพร่อน';
const SIGNATORY = 'นายสมศักดิ์ ผู้ใหญ่ดี';
const POSITION = 'นายกองค์การบริหารส่วนตำบลพร่อน';
/** Typed by an organizer: must come back as the same characters, never as markup. */
const HOSTILE_OBJECTIVE = '๑) เพื่อให้ผู้เข้าอบรมรู้กฎหมาย <b>ตัวหนา</b> & "ที่ถูกต้อง"';

const squash = (text: string) => text.replace(/\s+/g, '');

/** Each font of the PDF as "name emb" from pdffonts (the subset prefix dropped), e.g. "Sarabun-Regular yes". */
/** Every font of the PDF is Sarabun (the footer's page numbers too), embedded, in its regular and bold weights. */
function expectOnlySarabun(pdf: string): void {
  const fonts = embeddedFonts(pdf);
  expect(fonts).toEqual(expect.arrayContaining(['Sarabun-Regular yes', 'Sarabun-Bold yes']));
  expect(fonts.filter((font) => !/^Sarabun-(Regular|Bold) yes$/.test(font))).toEqual([]);
}

function embeddedFonts(pdf: string): string[] {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const tokens = line.trim().split(/\s+/);
      return `${tokens[0].replace(/^[A-Z]{6}\+/, '')} ${tokens[tokens.length - 5]}`;
    });
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  expect({ status: result.status, error: result.error?.message }).toEqual({ status: 0, error: undefined });
  return result.stdout;
}

/**
 * The program-year report and the plan report as PDF, from attempts, sessions and expenses seeded through the API
 * with known figures (the same six attendees as the indicator's gain test), read back with pdftotext.
 */
describe('PDF reports: a program-year and the whole plan, in Thai', () => {
  let t: TestApp;
  let org: TestOrganization;
  let session: Session;
  let folder: string;

  beforeAll(async () => {
    t = await startTestApp();
    folder = mkdtempSync(join(tmpdir(), 'sujarit-report-'));
    org = await t.createOrganization(ORGANIZATION);
    const admin = await org.login('admin');
    await admin
      .put('/api/organization')
      .send({ name: ORGANIZATION, shortName: 'อบต.พร่อน', province: 'อุดรธานี', signatoryName: SIGNATORY, signatoryPosition: POSITION })
      .expect(200);

    const organizer = await org.login('organizer');
    session = await createSession(organizer, '1.1.1', { title: 'รุ่นที่ 1 กฎหมายที่ควรรู้' });
    const program = (await organizer.get(`/api/programs/${session.programId}`).expect(200)).body;
    const { code, name, audience, ownerUnit, description } = program;
    await organizer
      .put(`/api/programs/${session.programId}`)
      .send({ code, name, audience, ownerUnit, description, objectives: `${HOSTILE_OBJECTIVE}\n๒) เพื่อพัฒนาศักยภาพบุคลากร` })
      .expect(200);

    // The pre-test (and so the post-test) fixed to four single-choice questions of equal points: k right is 25·k %.
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const questions = (detail.questions as { id: string; type: string; points: number }[]).filter((q) => q.type === 'single_choice');
    const four = questions.filter((q) => q.points === questions[0].points).slice(0, 4);
    expect(four).toHaveLength(4);
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } })
      .expect(200);

    const people: { name: string; pre: number | null; post: number | null }[] = [
      { name: 'ก่อนหลัง หนึ่ง', pre: 1, post: 3 }, // 25 → 75
      { name: 'ก่อนหลัง สอง', pre: 2, post: 4 }, // 50 → 100
      { name: 'เต็มก่อน สาม', pre: 4, post: 3 }, // 100 → 75
      { name: 'ก่อนอย่างเดียว สี่', pre: 0, post: null },
      { name: 'หลังอย่างเดียว ห้า', pre: null, post: 2 },
      { name: 'ไม่ทำเลย หก', pre: null, post: null },
    ];
    const phones: TestAgent[] = [];
    for (const person of people) {
      const phone = t.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: person.name, group: 'staff' }).expect(200);
      phones.push(phone);
    }
    await openTest(organizer, session, 'pre_test');
    for (const [i, person] of people.entries()) if (person.pre !== null) await takeTest(phones[i], testIdOf(session, 'pre_test'), person.pre);
    await closeTest(organizer, session, 'pre_test');
    await openTest(organizer, session, 'post_test');
    for (const [i, person] of people.entries()) if (person.post !== null) await takeTest(phones[i], testIdOf(session, 'post_test'), person.post);
    await closeTest(organizer, session, 'post_test');

    // The satisfaction survey: one answers 5 to every item, another 3: each item's mean is 4.00 and 50 % answer 4–5.
    const surveyId = session.assessments.find((a) => a.kind === 'survey')?.id as string;
    await organizer.post(`/api/assessments/${surveyId}/open`).expect(204);
    await answerSurvey(phones[0], surveyId, '5');
    await answerSurvey(phones[1], surveyId, '3');

    // Money: 12,500.50 + 7,499.50 = 20,000 baht of the year's 250,000.
    await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าอาหารว่าง', amountBaht: 12500.5 }).expect(201);
    await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าวิทยากร', amountBaht: 7499.5 }).expect(201);
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t.close();
  });

  /** Downloads a PDF as the agent, keeps it in the test's folder, and gives its `pdftotext -layout` text. */
  async function download(agent: TestAgent, path: string, file: string): Promise<{ text: string; raw: string; pdf: string; headers: Record<string, string> }> {
    const response = await agent.get(path).responseType('blob').expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = join(folder, file);
    writeFileSync(pdf, response.body as Buffer);
    run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, `${pdf}.txt`]);
    // SUJARIT_KEEP_REPORTS=<folder>: the files are kept there, for a person to look at.
    if (process.env.SUJARIT_KEEP_REPORTS) copyFileSync(pdf, join(process.env.SUJARIT_KEEP_REPORTS, file));
    // Without -layout, a table cell's wrapped lines come out together (with -layout they interleave with its row).
    run('pdftotext', ['-enc', 'UTF-8', pdf, `${pdf}.raw.txt`]);
    return { text: readFileSync(`${pdf}.txt`, 'utf8'), raw: readFileSync(`${pdf}.raw.txt`, 'utf8'), pdf, headers: response.headers };
  }

  it("prints the program-year report with the indicator's hand-worked figures, the budget and the signatory, in Sarabun", async () => {
    const manager = await org.login('manager');
    const fy = session.fiscalYear;
    const { text, pdf, headers } = await download(manager, `/api/reports/programs/${session.programId}/years/${fy}.pdf`, 'program.pdf');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="report-1.1.1-${fy}.pdf"; filename*=UTF-8''${encodeURIComponent(`รายงานโครงการ-1.1.1-${fy}.pdf`)}`,
    );
    expect(headers['cache-control']).toBe('no-store');

    // Thai comes back exactly, marks and all, in the words as typed.
    for (const words of [ORGANIZATION, 'ผู้เข้าอบรม', 'ที่', 'รายงานผลการดำเนินงานโครงการ', `ปีงบประมาณ พ.ศ. ${fy}`, 'ผลผลิต', 'ผลลัพธ์', 'วัตถุประสงค์']) {
      expect(text).toContain(words);
    }
    const flat = squash(text);
    expect(flat).toContain(squash('โครงการ 1.1.1 โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบ'));
    // The objective typed with markup prints as the same characters.
    expect(flat).toContain(squash(HOSTILE_OBJECTIVE));
    // The session with its Buddhist-Era date, Bangkok time.
    const beDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long' }).format(new Date(
      (await manager.get(`/api/sessions/${session.id}`).expect(200)).body.startsAt,
    ));
    expect(flat).toContain(squash(`1 รุ่นที่ 1 กฎหมายที่ควรรู้ ${beDate} ห้องประชุม อบต. 6 20,000 09:00–16:00 น.`));

    // Outputs: 6 distinct people of 65 (6 / 65 = 9.23 %); 1 session held of 2.
    expect(flat).toContain(squash('ผู้เข้าอบรม (ไม่นับซ้ำ) 6 คน (9.23%) 65 คน'));
    expect(flat).toContain(squash('จำนวนครั้งที่จัดอบรม 1 ครั้ง 2 ครั้ง'));
    // Outcomes: 3 of 6 passed at 60 % → 50 % against 80 %: not met.
    expect(flat).toContain(squash('ตัวชี้วัดความรู้ (ร้อยละผู้ผ่านเกณฑ์): 50% เป้าหมายไม่น้อยกว่า 80%'));
    expect(flat).toContain(squash('ผลการประเมิน: ไม่ผ่านเกณฑ์'));
    expect(flat).toContain(squash('ผู้ผ่านเกณฑ์ 3 จาก 6 คน'));
    // Paired over the three who took both: pre (25 + 50 + 100) / 3 = 58.33, post (75 + 100 + 75) / 3 = 83.33.
    expect(flat).toContain(squash('คะแนนเฉลี่ยก่อนอบรม (จับคู่ 3 คน) 58.33%'));
    expect(flat).toContain(squash('คะแนนเฉลี่ยหลังอบรม (จับคู่ 3 คน) 83.33%'));
    // Mean gain 25 points; mean individual g (0.6667 + 1) / 2 = 0.83 over 2; Hake's g 25 / 41.667 = 0.60.
    expect(flat).toContain(squash('คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ) +25'));
    expect(flat).toContain(squash('ความก้าวหน้าเฉลี่ยรายคน (2 คน) 0.83'));
    expect(flat).toContain(squash('ความก้าวหน้าของกลุ่ม (Hake’s g) 0.60'));
    // Each figure has its definition beside it.
    expect(flat).toContain(squash('(หลัง − ก่อน) ÷ (100 − ก่อน)'));
    // The survey (the year's surveys pooled): every item 4.00 on average, 50 % answering 4–5, two respondents.
    expect(flat).toContain(squash('รวมทุกรอบอบรมของปี: แบบประเมิน 1 ชุด ผู้ตอบรวม 2 คน'));
    expect(flat).toContain(squash('ความพึงพอใจต่อการอบรมครั้งนี้ในภาพรวม 2 4.00 50%'));
    // Budget 250,000; spent 20,000; left 230,000; 8 % used.
    expect(flat).toContain(squash('งบประมาณที่ตั้งไว้ 250,000'));
    expect(flat).toContain(squash('ใช้จ่ายจริง 20,000'));
    expect(flat).toContain(squash('คงเหลือ 230,000'));
    expect(flat).toContain(squash('ร้อยละของงบประมาณที่ใช้ 8%'));
    // Signed by the profile's signatory, with the date.
    expect(flat).toContain(squash(`( ${SIGNATORY} )`));
    expect(flat).toContain(squash(POSITION));
    expect(flat).toMatch(/วันที่\d{1,2}[ก-๙]+25\d\d/);

    // The typeface is Sarabun, embedded; A4.
    expectOnlySarabun(pdf);
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    // A page as an image: kept beside the test for a person to look at.
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(folder, 'page')]);
    const png = join(folder, 'page-1.png');
    expect(existsSync(png)).toBe(true);
    if (process.env.SUJARIT_KEEP_REPORTS) copyFileSync(png, join(process.env.SUJARIT_KEEP_REPORTS, 'program-page-1.png'));
  });

  it('prints the whole plan: a table per program and fiscal year of people, sessions, pass rate and money', async () => {
    const organizer = await org.login('organizer');
    const fy = session.fiscalYear;
    const { text, pdf, headers } = await download(organizer, '/api/reports/plan.pdf?from=2566&to=2570', 'plan.pdf');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="plan-report-2566-2570.pdf"; filename*=UTF-8''${encodeURIComponent('รายงานแผน-2566-2570.pdf')}`,
    );
    expect(text).toContain(ORGANIZATION);
    expect(text).toContain('ปีงบประมาณ พ.ศ. 2566–2570');
    const flat = squash(text);
    for (const code of ['1.1.1', '1.1.2', '1.2.1', '1.3.1']) expect(flat).toContain(code);
    // 1.1.1 in the session's year: 6 of 65 people, 1 of 2 sessions, 50 % of 80 %, not met, 20,000 of 250,000 baht.
    expect(flat).toContain(squash(`${fy} 6 / 65 1 / 2 50% / 80% ไม่ผ่านเกณฑ์ 20,000 / 250,000`));
    // Another year of it, nobody trained yet: no data, not "not met".
    expect(flat).toContain(squash('2566 0 / 65 0 / 2 – / 80% ยังไม่มีข้อมูล 0 / 250,000'));
    expect(flat).toContain(squash(`( ${SIGNATORY} )`));
    expectOnlySarabun(pdf);
  });

  it("prints the plan's follow-up outcome of 1.2.1 against 80 % from its follow-up survey", async () => {
    const organizer = await org.login('organizer');
    const own = await createSession(organizer, '1.2.1', { title: 'รุ่นที่ 1 เศรษฐกิจพอเพียง' });
    const bank = (await organizer.get(`/api/programs/${own.programId}/questions`).expect(200)).body.questions as { id: string; type: string; topic: string }[];
    const followUp = bank.filter((q) => q.type === 'likert' && q.topic.startsWith('ติดตามผล'));
    expect(followUp.length).toBeGreaterThanOrEqual(3);
    const survey = (
      await organizer
        .post(`/api/sessions/${own.id}/assessments`)
        .send({ title: 'แบบติดตามผลการนำไปใช้', selection: { mode: 'fixed', questionIds: followUp.map((q) => q.id) } })
        .expect(201)
    ).body;
    await organizer.post(`/api/assessments/${survey.id}/open`).expect(204);
    // One answers 5 to every item (mean 5 ≥ 4: achieves it), the other 2 (does not): 1 of 2 = 50 % against 80 %.
    for (const [name, level] of [
      ['ติดตาม หนึ่ง', '5'],
      ['ติดตาม สอง', '2'],
    ]) {
      const phone = t.http();
      await phone.post(`/api/join/${own.joinCode}`).send({ fullName: name, group: 'citizen' }).expect(200);
      const attempt = (await phone.post(`/api/join/${own.joinCode}/assessments/${survey.id}/attempt`).send({}).expect(200)).body;
      const answers = Object.fromEntries((attempt.questions as { id: string }[]).map((q) => [q.id, [level]]));
      await phone.post(`/api/join/${own.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    }
    const manager = await org.login('manager');
    const { text, raw } = await download(manager, `/api/reports/programs/${own.programId}/years/${own.fiscalYear}.pdf`, 'follow-up.pdf');
    const flat = squash(text);
    expect(flat).toContain(squash('ตัวชี้วัดผลลัพธ์จากการติดตามผล'));
    expect(squash(raw)).toContain(squash('ประชาชนนำหลักปรัชญาเศรษฐกิจพอเพียงไปปรับใช้ในชีวิตประจำวันได้ 2 1 50% / 80% ไม่ผ่านเกณฑ์'));
    // The knowledge indicator: two attended, nobody took a post-test: 0 % against 80 %.
    expect(flat).toContain(squash('ผู้เข้าอบรม (ไม่นับซ้ำ) 2 คน'));
  });

  it('hides the program from another organization, refuses trainees and strangers, and has no report for a year without settings', async () => {
    const stranger = await (await t.createOrganization()).login('manager');
    const hidden = await stranger.get(`/api/reports/programs/${session.programId}/years/${session.fiscalYear}.pdf`).expect(404);
    expect(hidden.body.code).toBe('PROGRAM_NOT_FOUND');
    await t.http().get(`/api/reports/programs/${session.programId}/years/${session.fiscalYear}.pdf`).expect(401);
    await t.http().get('/api/reports/plan.pdf').expect(401);

    const manager = await org.login('manager');
    const unset = await manager.get(`/api/reports/programs/${session.programId}/years/2590.pdf`).expect(404);
    expect(unset.body).toMatchObject({ code: 'PROGRAM_YEAR_NOT_FOUND', message: expect.stringContaining('2590') });
    const invalid = await manager.get(`/api/reports/programs/not-a-uuid/years/${session.fiscalYear}.pdf`).expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 503 PDF_UNAVAILABLE in Thai, pointing to the pages with the same figures, when Chromium cannot start', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const other = await startTestApp();
    try {
      const manager = await (await other.createOrganization()).login('manager');
      const response = await manager.get('/api/reports/plan.pdf').expect(503);
      expect(response.body.code).toBe('PDF_UNAVAILABLE');
      expect(response.body.message).toContain('หน้าตัวชี้วัดและหน้าแผน');
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
      await other.close();
    }
  });

  /** Takes the test on the phone with `right` of its four questions right and the rest wrong. */
  async function takeTest(phone: TestAgent, assessmentId: string, right: number): Promise<void> {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${assessmentId}/attempt`).send({}).expect(200)).body;
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(`SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`, [ids]);
    const keys = new Map(rows.map((r) => [r.id, r.correct_option_ids]));
    const answers: Record<string, string[]> = {};
    (attempt.questions as { id: string; options: { id: string }[] }[]).forEach((q, i) => {
      const key = keys.get(q.id) as string[];
      answers[q.id] = i < right ? key : [q.options.filter((o) => !key.includes(o.id))[0].id];
    });
    const result = await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    expect(result.body.percent).toBe(right * 25);
  }

  /** Answers every item of the survey with the same level. */
  async function answerSurvey(phone: TestAgent, surveyId: string, level: string): Promise<void> {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${surveyId}/attempt`).send({}).expect(200)).body;
    const answers = Object.fromEntries((attempt.questions as { id: string }[]).map((q) => [q.id, [level]]));
    await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
  }
});
