import { startTestApp, TestApp } from '../support/test-app';

/** Special characters of GIFT and CSV, Thai text and line breaks, in every part of a question. */
const TRICKY = [
  {
    topic: 'สัญลักษณ์ a/b: {พิเศษ}',
    type: 'single_choice',
    stem: 'สูตร a=b {ตัวแปร} ใช้ ~ และ # หรือไม่: "ตอบ", C:\\temp\nบรรทัดที่สอง',
    options: [
      { text: '=ใช่, แน่นอน', weight: 100 },
      { text: '-ไม่~ใช่ {x}', weight: 0 },
      { text: 'ครึ่ง: หนึ่ง; สอง', weight: 50 },
    ],
    explanation: 'ดู #คู่มือ {หน้า 2}',
    points: 3,
  },
  {
    topic: 'สัญลักษณ์ a/b: {พิเศษ}',
    type: 'multiple_choice',
    stem: '// ขึ้นต้นเหมือนความเห็น',
    options: [
      { text: '@แดง', weight: 50 },
      { text: '+ขาว', weight: 50 },
      { text: 'น้ำเงิน', weight: -100 },
    ],
    explanation: '',
    points: 2,
  },
];

describe('exporting a question bank', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exports GIFT and CSV that import back as the same questions, Thai and special characters included', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const [{ id: programId }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.2.1'`, [org.id]);
    for (const question of TRICKY) await organizer.post(`/api/programs/${programId}/questions`).send(question).expect(201);
    // An archived question is not exported.
    const gone = (await organizer.post(`/api/programs/${programId}/questions`).send({ ...TRICKY[0], stem: 'ข้อที่ลบแล้ว' }).expect(201)).body;
    await organizer.delete(`/api/questions/${gone.id}`).expect(200);

    const bank: { topic: string; type: string; stem: string; options: { text: string; weight?: number }[]; explanation: string; points: number }[] = (
      await organizer.get(`/api/programs/${programId}/questions`).expect(200)
    ).body.questions;
    const asInput = (q: (typeof bank)[number]) => ({
      topic: q.topic,
      type: q.type,
      stem: q.stem,
      options: q.type === 'likert' ? [] : q.options.map((o) => ({ text: o.text, weight: o.weight })),
      explanation: q.explanation,
    });
    expect(bank.some((q) => q.type === 'likert')).toBe(true);

    const csv = await organizer.get(`/api/programs/${programId}/questions/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="sujarit-questions-1.2.1.csv"; filename*=UTF-8''${encodeURIComponent('คลังข้อสอบ-1.2.1.csv')}`,
    );
    expect(csv.text.startsWith('\ufeffหัวข้อ,')).toBe(true);
    const fromCsv = (await organizer.post(`/api/programs/${programId}/questions/import/csv/preview`).attach('file', Buffer.from(csv.text), 'bank.csv').expect(200)).body;
    expect(fromCsv.errors).toEqual([]);
    expect(fromCsv.questions.map(({ position: _p, points: _points, ...q }: { position: number; points: number }) => q)).toEqual(bank.map(asInput));
    expect(fromCsv.questions.map((q: { points?: number }) => q.points ?? 0)).toEqual(bank.map((q) => q.points));

    const gift = await organizer.get(`/api/programs/${programId}/questions/export?format=gift`).expect(200);
    expect(gift.headers['content-type']).toContain('text/plain');
    expect(gift.headers['content-disposition']).toContain('filename="sujarit-questions-1.2.1.gift"');
    const fromGift = (await organizer.post(`/api/programs/${programId}/questions/import/gift/preview`).attach('file', Buffer.from(gift.text), 'bank.gift').expect(200)).body;
    expect(fromGift.errors).toEqual([]);
    // GIFT has no Likert items and no points.
    expect(fromGift.questions.map(({ position: _p, ...q }: { position: number }) => q)).toEqual(bank.filter((q) => q.type !== 'likert').map(asInput));
    expect(gift.text).toContain('\\{ตัวแปร\\}');
  });

  it('refuses an unknown format in Thai, and a program of another organization', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const [{ id: programId }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.1.1'`, [org.id]);
    const bad = await organizer.get(`/api/programs/${programId}/questions/export?format=docx`).expect(400);
    expect(bad.body.issues).toEqual([
      { path: 'format', code: 'questionExportFormat', params: { values: 'gift, csv' }, message: 'รูปแบบไฟล์ส่งออกต้องเป็น gift หรือ csv' },
    ]);
    const foreign = await (await t.createOrganization()).login('organizer');
    await foreign.get(`/api/programs/${programId}/questions/export?format=gift`).expect(404);
    await (await org.login('manager')).get(`/api/programs/${programId}/questions/export?format=csv`).expect(403);
  });
});
