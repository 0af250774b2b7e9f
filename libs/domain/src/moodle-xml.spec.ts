import { MoodleXmlAnswer, MoodleXmlQuestion, readMoodleXmlQuestions } from './moodle-xml';

const html = (text: string) => ({ text, format: 'html' });
const answer = (fraction: string, text: string, feedback: string | null = null): MoodleXmlAnswer => ({
  fraction,
  text: html(text),
  feedback: feedback === null ? null : html(feedback),
});
const category = (path: string): MoodleXmlQuestion => question({ type: 'category', category: path, questionText: null });

function question(overrides: Partial<MoodleXmlQuestion>): MoodleXmlQuestion {
  return {
    type: 'multichoice',
    name: 'ข้อ',
    questionText: html('<p>โจทย์</p>'),
    generalFeedback: null,
    defaultGrade: '1.0000000',
    single: 'true',
    answers: [answer('100', 'ถูก'), answer('0', 'ผิด')],
    category: null,
    ...overrides,
  };
}

describe('readMoodleXmlQuestions: what the bank keeps', () => {
  it('reads a single-answer multichoice with its HTML as text, general feedback as the explanation, grade as points', () => {
    const { questions, errors } = readMoodleXmlQuestions([
      question({
        name: 'องค์กร อบต.',
        questionText: html('<p dir="ltr">อบต. ประกอบด้วย<b>องค์กรใด</b></p>'),
        generalFeedback: html('<p>ตาม พ.ร.บ. พ.ศ. 2537</p>'),
        defaultGrade: '2.0000000',
        answers: [answer('0', '<p>กำนัน</p>', '<p>ไม่ใช่</p>'), answer('100', '<p>สภา อบต. &amp; นายก อบต.</p>'), answer('0', '')],
      }),
    ]);
    expect(errors).toEqual([]);
    expect(questions).toEqual([
      {
        position: 1,
        title: 'องค์กร อบต.',
        topic: 'ทั่วไป',
        type: 'single_choice',
        stem: 'อบต. ประกอบด้วยองค์กรใด',
        // The empty third answer slot is not an option.
        options: [
          { text: 'กำนัน', weight: 0 },
          { text: 'สภา อบต. & นายก อบต.', weight: 100 },
        ],
        explanation: 'ตาม พ.ร.บ. พ.ศ. 2537',
        points: 2,
      },
    ]);
  });

  it('reads <single>false</single> as multiple choice with each fraction as the weight, negative and decimal ones too', () => {
    const [q] = readMoodleXmlQuestions([
      question({
        single: 'false',
        answers: [answer('33.33333', 'แดง'), answer('33.33333', 'ขาว'), answer('33.33333', 'น้ำเงิน'), answer('-100', 'เขียว')],
      }),
    ]).questions;
    expect(q.type).toBe('multiple_choice');
    expect(q.options.map((o) => o.weight)).toEqual([33.33333, 33.33333, 33.33333, -100]);
  });

  it('takes the feedback of the right answer as the explanation when there is no general feedback', () => {
    const [q] = readMoodleXmlQuestions([question({ answers: [answer('100', 'ก', '<p>ถูก เพราะ ก</p>'), answer('0', 'ข', 'ผิด')] })]).questions;
    expect(q.explanation).toBe('ถูก เพราะ ก');
  });

  it('reads truefalse answers true/false as ถูก/ผิด, true first whatever the file order', () => {
    const [q] = readMoodleXmlQuestions([
      question({
        type: 'truefalse',
        answers: [
          { fraction: '100', text: { text: 'false', format: 'moodle_auto_format' }, feedback: null },
          { fraction: '0', text: { text: 'true', format: 'moodle_auto_format' }, feedback: null },
        ],
      }),
    ]).questions;
    expect(q).toMatchObject({ type: 'true_false', options: [{ text: 'ถูก', weight: 0 }, { text: 'ผิด', weight: 100 }] });
  });

  it('takes the topic from the last level of a category, without $course$/top, for the questions after it', () => {
    const { questions } = readMoodleXmlQuestions([
      question({ name: 'ก่อน' }),
      category('$course$/top/กฎหมายท้องถิ่น/พ.ร.บ.ข้อมูลข่าวสาร'),
      question({ name: 'หลัง 1' }),
      category('$system$/top/Default for ระบบ'),
      question({ name: 'หลัง 2' }),
      category('$course$/top'),
      question({ name: 'หลัง 3' }),
    ]);
    expect(questions.map((q) => [q.position, q.title, q.topic])).toEqual([
      [1, 'ก่อน', 'ทั่วไป'],
      [2, 'หลัง 1', 'พ.ร.บ.ข้อมูลข่าวสาร'],
      [3, 'หลัง 2', 'Default for ระบบ'],
      [4, 'หลัง 3', 'ทั่วไป'],
    ]);
  });

  it('keeps the line breaks of plain and auto-formatted text', () => {
    const [plain, auto] = readMoodleXmlQuestions([
      question({ questionText: { text: 'บรรทัด 1\nบรรทัด <2>', format: 'plain_text' } }),
      question({ questionText: { text: 'บรรทัด 1\n<b>บรรทัด 2</b>', format: 'moodle_auto_format' } }),
    ]).questions;
    expect(plain.stem).toBe('บรรทัด 1\nบรรทัด <2>');
    expect(auto.stem).toBe('บรรทัด 1\nบรรทัด 2');
  });

  it('leaves points out when the file has no grade, and rounds a grade into 1–10', () => {
    const [none, big] = readMoodleXmlQuestions([question({ defaultGrade: null }), question({ defaultGrade: '12.5' })]).questions;
    expect(none.points).toBeUndefined();
    expect(big.points).toBe(10);
  });
});

describe('readMoodleXmlQuestions: what it refuses, by question number and name', () => {
  it.each([
    ['shortanswer', 'คำถามแบบเติมคำตอบสั้น (short answer) ยังไม่รองรับ'],
    ['essay', 'คำถามแบบความเรียง (essay) ยังไม่รองรับ'],
    ['matching', 'คำถามแบบจับคู่ (matching) ยังไม่รองรับ'],
    ['numerical', 'คำถามแบบตัวเลข (numerical) ยังไม่รองรับ'],
    ['description', 'ข้อความคำอธิบาย (description) ยังไม่รองรับ'],
    ['multianswer', 'cloze'],
    ['ddwtos', 'ลากคำ'],
    ['somethingnew', 'คำถามชนิด "somethingnew" ยังไม่รองรับ'],
  ])('reports a %s question as not supported', (type, reason) => {
    const { questions, errors } = readMoodleXmlQuestions([question({ type, name: 'ชื่อข้อ' })]);
    expect(questions).toEqual([]);
    expect(errors).toEqual([{ position: 1, title: 'ชื่อข้อ', reason: expect.stringContaining(reason) }]);
  });

  it.each([
    ['no question text', { questionText: null }, 'ไม่มีข้อความโจทย์'],
    ['an image-only question text', { questionText: html('<p><img src="@@PLUGINFILE@@/x.png"></p>') }, 'ไม่มีข้อความโจทย์'],
    ['a fraction that is not a number', { answers: [answer('abc', 'ก'), answer('100', 'ข')] }, 'ตัวเลือกที่ 1: fraction="abc" ไม่ใช่ตัวเลข'],
    ['a fraction above 100', { answers: [answer('150', 'ก'), answer('0', 'ข')] }, 'ต้องอยู่ระหว่าง -100 ถึง 100'],
    ['an image-only answer worth points', { answers: [answer('100', '<img src="a.png">'), answer('0', 'ข')] }, 'ตัวเลือกที่ 1 ไม่มีข้อความ'],
    ['a truefalse without true and false', { type: 'truefalse', answers: [answer('100', 'ใช่'), answer('0', 'ไม่ใช่')] }, 'true และ false'],
  ])('reports %s', (_name, overrides, reason) => {
    expect(readMoodleXmlQuestions([question(overrides)]).errors[0].reason).toContain(reason);
  });

  it('counts questions but not categories, so a bad one is found by its number', () => {
    const { errors } = readMoodleXmlQuestions([category('$course$/top/ก'), question({ name: 'ดี' }), category('ข'), question({ type: 'essay', name: 'เรียงความ' })]);
    expect(errors.map((e) => [e.position, e.title])).toEqual([[2, 'เรียงความ']]);
  });
});
