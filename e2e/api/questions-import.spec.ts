import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp, TestOrganization } from '../support/test-app';

/** A Moodle 4 export in Thai: a category, what the bank holds, and what it does not. */
const MOODLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/กฎหมายท้องถิ่น/พ.ร.บ.ข้อมูลข่าวสาร</text>
    </category>
    <info format="moodle_auto_format"><text></text></info>
    <idnumber></idnumber>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name><text>ผู้มีสิทธิตรวจดู</text></name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr" style="text-align: left;">ผู้ใดมีสิทธิขอตรวจดูข้อมูลข่าวสารตาม&nbsp;<strong>มาตรา 9</strong></p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>บุคคลทั่วไป ไม่ว่าจะมีส่วนได้เสียหรือไม่</p>]]></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <correctfeedback format="html"><text>คำตอบของคุณถูกต้อง</text></correctfeedback>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>เฉพาะผู้มีส่วนได้เสีย</p>]]></text>
      <feedback format="html"><text></text></feedback>
    </answer>
    <answer fraction="100" format="html">
      <text>&lt;p&gt;บุคคลทั่วไป&lt;/p&gt;</text>
      <feedback format="html"><text>ถูกต้อง</text></feedback>
    </answer>
  </question>
  <question type="multichoice">
    <name><text>วิธีจัดซื้อจัดจ้าง</text></name>
    <questiontext format="html"><text>ข้อใดเป็นวิธีจัดซื้อจัดจ้างตามมาตรา 55</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <single>false</single>
    <answer fraction="50" format="html"><text>วิธีคัดเลือก</text></answer>
    <answer fraction="50" format="html"><text>วิธีเฉพาะเจาะจง</text></answer>
    <answer fraction="-100" format="html"><text>วิธีประมูลลับ</text></answer>
  </question>
  <question type="truefalse">
    <name><text>นายก อบต.</text></name>
    <questiontext format="moodle_auto_format"><text>นายก อบต. มาจากการเลือกตั้งโดยตรง</text></questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="100" format="moodle_auto_format"><text>true</text></answer>
    <answer fraction="0" format="moodle_auto_format"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>เติมคำ</text></name>
    <questiontext format="html"><text>เมืองหลวงของไทยคือ</text></questiontext>
    <answer fraction="100"><text>กรุงเทพมหานคร</text></answer>
  </question>
  <question type="multichoice">
    <name><text>ไม่มีข้อถูก</text></name>
    <questiontext format="html"><text>ข้อใดถูก</text></questiontext>
    <single>true</single>
    <answer fraction="0"><text>ก</text></answer>
    <answer fraction="0"><text>ข</text></answer>
  </question>
  <question type="category">
    <category><text>$course$/top/อื่น ๆ</text></category>
  </question>
  <question type="essay">
    <name><text>เรียงความ</text></name>
    <questiontext format="html"><text>อธิบายหลักความโปร่งใส</text></questiontext>
  </question>
</quiz>`;

const HEADER = 'หัวข้อ,ชนิด,คำถาม,ตัวเลือก 1,ตัวเลือก 2,ตัวเลือก 3,ตัวเลือก 4,ตัวเลือก 5,ตัวเลือก 6,คำตอบที่ถูก,คำอธิบายเฉลย,คะแนน';
const CSV = [
  HEADER,
  '# บรรทัดคำอธิบาย,,,,,,,,,,,',
  'ผลประโยชน์ทับซ้อน,เลือกตอบข้อเดียว,ผลประโยชน์ทับซ้อนหมายถึงข้อใด,ใช้ตำแหน่งหน้าที่เพื่อประโยชน์ส่วนตน,ทำงานล่วงเวลา,ลาพักผ่อน,,,,1,ใช้ตำแหน่งเพื่อตนเองหรือพวกพ้อง,2',
  'ผลประโยชน์ทับซ้อน,เลือกได้หลายคำตอบ,"ข้อใดเป็นผลประโยชน์ทับซ้อน (เลือกได้หลายข้อ)",รับของขวัญจากผู้รับเหมา,ทำสัญญากับห้างของตนเอง,ถอนตัวจากเรื่องที่มีส่วนได้เสีย,,,,1;2,,',
  'ผลประโยชน์ทับซ้อน,ถูก/ผิด,การใช้รถราชการไปธุระส่วนตัวเป็นผลประโยชน์ทับซ้อน,,,,,,,ถูก,,',
  'ความพึงพอใจต่อการอบรม,มาตราส่วน 5 ระดับ,วิทยากรถ่ายทอดได้ชัดเจน,,,,,,,,,',
  'ผลประโยชน์ทับซ้อน,เลือกตอบข้อเดียว,ข้อนี้ลืมใส่คำตอบ,ก,ข,,,,,,,',
  'ผลประโยชน์ทับซ้อน,อัตนัย,ข้อนี้ชนิดผิด,ก,ข,,,,,1,,',
  'ผลประโยชน์ทับซ้อน,เลือกตอบข้อเดียว,ข้อนี้คะแนนเกิน,ก,ข,,,,,1,,20',
].join('\r\n');

describe('importing Moodle XML and CSV files into the question bank', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function bank(org: TestOrganization, code: string): Promise<{ organizer: TestAgent; programId: string }> {
    const organizer = await org.login('organizer');
    const [{ id }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = $2`, [org.id, code]);
    return { organizer, programId: id };
  }
  const count = async (programId: string) => (await t.db.query(`SELECT count(*)::int AS n FROM questions WHERE program_id = $1`, [programId]))[0].n as number;

  it('previews a Moodle XML file, reports each bad question by number and name in Thai, then adds the good ones', async () => {
    const { organizer, programId } = await bank(await t.createOrganization(), '1.1.1');
    const before = await count(programId);
    const preview = (await organizer.post(`/api/programs/${programId}/questions/import/xml/preview`).attach('file', Buffer.from(MOODLE_XML), 'moodle.xml').expect(200)).body;
    expect(preview.format).toBe('moodle_xml');
    expect(preview.questions).toEqual([
      {
        position: 1,
        topic: 'พ.ร.บ.ข้อมูลข่าวสาร',
        type: 'single_choice',
        stem: 'ผู้ใดมีสิทธิขอตรวจดูข้อมูลข่าวสารตาม มาตรา 9',
        options: [
          { text: 'เฉพาะผู้มีส่วนได้เสีย', weight: 0 },
          { text: 'บุคคลทั่วไป', weight: 100 },
        ],
        explanation: 'บุคคลทั่วไป ไม่ว่าจะมีส่วนได้เสียหรือไม่',
        points: 2,
      },
      {
        position: 2,
        topic: 'พ.ร.บ.ข้อมูลข่าวสาร',
        type: 'multiple_choice',
        stem: 'ข้อใดเป็นวิธีจัดซื้อจัดจ้างตามมาตรา 55',
        options: [
          { text: 'วิธีคัดเลือก', weight: 50 },
          { text: 'วิธีเฉพาะเจาะจง', weight: 50 },
          { text: 'วิธีประมูลลับ', weight: -100 },
        ],
        explanation: '',
        points: 1,
      },
      {
        position: 3,
        topic: 'พ.ร.บ.ข้อมูลข่าวสาร',
        type: 'true_false',
        stem: 'นายก อบต. มาจากการเลือกตั้งโดยตรง',
        options: [
          { text: 'ถูก', weight: 100 },
          { text: 'ผิด', weight: 0 },
        ],
        explanation: '',
        points: 1,
      },
    ]);
    expect(preview.errors).toEqual([
      { position: 4, title: 'เติมคำ', reason: expect.stringContaining('คำถามแบบเติมคำตอบสั้น (short answer) ยังไม่รองรับ') },
      { position: 5, title: 'ไม่มีข้อถูก', reason: 'กรุณาเลือกคำตอบที่ถูก — ต้องมีตัวเลือกที่ได้คะแนนเต็ม 100%' },
      { position: 6, title: 'เรียงความ', reason: expect.stringContaining('คำถามแบบความเรียง (essay) ยังไม่รองรับ') },
    ]);
    expect(await count(programId)).toBe(before);

    const rows = preview.questions.map(({ position: _position, ...q }: { position: number }) => q);
    expect((await organizer.post(`/api/programs/${programId}/questions/import`).send({ questions: rows }).expect(200)).body).toEqual({ created: 3 });
    const added = (await organizer.get(`/api/programs/${programId}/questions`).expect(200)).body.questions.slice(-3);
    expect(added.map((q: { type: string; points: number; correctOptionIds: string[] }) => [q.type, q.points, q.correctOptionIds])).toEqual([
      ['single_choice', 2, ['b']],
      ['multiple_choice', 1, ['a', 'b']],
      ['true_false', 1, ['true']],
    ]);
  });

  it('previews a CSV file by row, Likert items included, then adds the good ones', async () => {
    const { organizer, programId } = await bank(await t.createOrganization(), '1.1.2');
    const before = await count(programId);
    const preview = (await organizer.post(`/api/programs/${programId}/questions/import/csv/preview`).attach('file', Buffer.from(`\ufeff${CSV}`), 'bank.csv').expect(200)).body;
    expect(preview.format).toBe('csv');
    expect(preview.questions.map((q: { position: number; type: string }) => [q.position, q.type])).toEqual([
      [3, 'single_choice'],
      [4, 'multiple_choice'],
      [5, 'true_false'],
      [6, 'likert'],
    ]);
    expect(preview.questions[0]).toMatchObject({ points: 2, explanation: 'ใช้ตำแหน่งเพื่อตนเองหรือพวกพ้อง' });
    expect(preview.questions[1].options.map((o: { weight: number }) => o.weight)).toEqual([50, 50, -50]);
    expect(preview.errors).toEqual([
      { position: 7, title: 'ข้อนี้ลืมใส่คำตอบ', reason: expect.stringContaining('กรุณาใส่คำตอบที่ถูก') },
      { position: 8, title: 'ข้อนี้ชนิดผิด', reason: expect.stringContaining('ไม่รู้จักชนิด "อัตนัย"') },
      { position: 9, title: 'ข้อนี้คะแนนเกิน', reason: 'คะแนนต้องเป็นจำนวนเต็ม 1–10' },
    ]);
    expect(await count(programId)).toBe(before);

    const rows = preview.questions.map(({ position: _position, ...q }: { position: number }) => q);
    expect((await organizer.post(`/api/programs/${programId}/questions/import`).send({ questions: rows }).expect(200)).body).toEqual({ created: 4 });
    const likert = (await organizer.get(`/api/programs/${programId}/questions`).expect(200)).body.questions.at(-1);
    expect(likert).toMatchObject({ type: 'likert', stem: 'วิทยากรถ่ายทอดได้ชัดเจน', correctOptionIds: [], points: 0 });
    expect(likert.options).toHaveLength(5);
  });

  it('serves a CSV template with a BOM whose examples import as they are', async () => {
    const { organizer, programId } = await bank(await t.createOrganization(), '1.2.1');
    const template = await organizer.get('/api/questions/import-template.csv').expect(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.headers['content-disposition']).toContain('sujarit-questions-template.csv');
    const body = template.text;
    expect(body.startsWith('\ufeff' + HEADER)).toBe(true);
    const preview = (await organizer.post(`/api/programs/${programId}/questions/import/csv/preview`).attach('file', Buffer.from(body), 'template.csv').expect(200)).body;
    expect(preview.errors).toEqual([]);
    expect(preview.questions.map((q: { type: string }) => q.type)).toEqual(['single_choice', 'multiple_choice', 'true_false', 'likert']);
  });

  it.each([
    ['xml', 'broken.xml', Buffer.from('<quiz><question type="multichoice"></quiz>'), 'ไฟล์ XML ไม่สมบูรณ์'],
    ['xml', 'bank.xml', Buffer.from('<html><body>not a quiz</body></html>'), 'ไม่ใช่ไฟล์ Moodle XML'],
    ['csv', 'people.csv', Buffer.from('ชื่อ-นามสกุล,กลุ่ม\r\nสมชาย,ประชาชน'), 'ต้องมีคอลัมน์ "คำถาม"'],
    ['csv', 'ansi.csv', Buffer.from([0xca, 0xc1, 0x2c, 0x7b]), 'UTF-8'],
    ['csv', 'empty.csv', Buffer.from(HEADER), 'ไฟล์ไม่มีคำถาม'],
  ])('refuses a bad %s file (%s) whole, with IMPORT_FILE_INVALID in Thai, and changes nothing', async (format, name, content, message) => {
    const { organizer, programId } = await bank(await t.createOrganization(), '1.3.1');
    const before = await count(programId);
    const response = await organizer.post(`/api/programs/${programId}/questions/import/${format}/preview`).attach('file', content, name).expect(400);
    expect(response.body).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: expect.stringContaining(message) });
    expect(await count(programId)).toBe(before);
  });

  it('adds nothing when one confirmed question is invalid', async () => {
    const { organizer, programId } = await bank(await t.createOrganization(), '1.3.1');
    const before = await count(programId);
    const good = { topic: 'ก', type: 'true_false', stem: 'ข้อดี', options: [{ text: 'ถูก', weight: 100 }, { text: 'ผิด', weight: 0 }] };
    const bad = { ...good, type: 'multiple_choice', options: [{ text: 'ก', weight: 30 }, { text: 'ข', weight: 30 }] };
    const response = await organizer.post(`/api/programs/${programId}/questions/import`).send({ questions: [good, bad] }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.issues[0].message).toContain('รวมได้ 60%');
    expect(await count(programId)).toBe(before);
  });
});
