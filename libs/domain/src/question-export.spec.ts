import { ExportedQuestion, escapeGift, writeGift } from './question-export';
import { readGiftQuestions } from './question-import';

const questions: ExportedQuestion[] = [
  {
    topic: 'พ.ร.บ.สภาตำบลและ อบต.',
    type: 'single_choice',
    stem: 'สูตร a=b {ตัวแปร} ใช้ ~ และ # หรือไม่: ตอบ C:\\temp\\new\nบรรทัดที่สอง',
    options: [
      { text: 'ใช่ a=b', weight: 100 },
      { text: 'ไม่~ใช่ {x}', weight: 0 },
      { text: 'ครึ่ง: หนึ่ง', weight: 50 },
    ],
    explanation: 'ดู #คู่มือ {หน้า 2}',
    points: 1,
  },
  {
    topic: 'ก่อน/หลัง',
    type: 'multiple_choice',
    stem: '[html] ขึ้นต้นเหมือนเครื่องหมายรูปแบบ',
    options: [
      { text: 'แดง', weight: 33.33333 },
      { text: 'ขาว', weight: 33.33333 },
      { text: 'น้ำเงิน', weight: 33.33333 },
      { text: 'เขียว', weight: -100 },
      { text: 'ดำ', weight: 0 },
    ],
    explanation: '',
    points: 1,
  },
  {
    topic: 'ก่อน/หลัง',
    type: 'true_false',
    stem: '// ดูเหมือนบรรทัดความเห็น',
    options: [
      { text: 'ถูก', weight: 0 },
      { text: 'ผิด', weight: 100 },
    ],
    explanation: 'ผิด',
    points: 1,
  },
  { topic: 'ความพึงพอใจต่อการอบรม', type: 'likert', stem: 'เนื้อหาเป็นประโยชน์', options: [], explanation: '', points: 0 },
];

describe('writeGift', () => {
  it('escapes ~ = # { } : and the backslash, and writes line breaks as \\n', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  it('reads back as the same questions, Thai and special characters included, without the Likert item', () => {
    const file = writeGift(questions, ['คลังข้อสอบ 1.1.1']);
    const { questions: back, errors } = readGiftQuestions(file);
    expect(errors).toEqual([]);
    expect(back.map(({ position: _p, title: _t, ...q }) => q)).toEqual(
      questions.filter((q) => q.type !== 'likert').map(({ points: _points, ...q }) => q),
    );
  });

  it('writes a $CATEGORY line when the topic changes, a heading and a note on the Likert items left out', () => {
    const file = writeGift(questions, ['คลังข้อสอบ 1.1.1']);
    expect(file.split('\n').filter((line) => line.startsWith('$CATEGORY') || line.startsWith('//'))).toEqual([
      '// คลังข้อสอบ 1.1.1',
      '// ข้อความแบบมาตราส่วน 5 ระดับ 1 ข้อไม่อยู่ในไฟล์นี้ เพราะ GIFT ไม่มีคำถามชนิดนี้ (ใช้ไฟล์ CSV แทน)',
      '$CATEGORY: $course$/top/พ.ร.บ.สภาตำบลและ อบต.',
      '$CATEGORY: $course$/top/ก่อน//หลัง',
    ]);
    expect(file).toContain('=ใช่ a\\=b\n~ไม่\\~ใช่ \\{x\\}\n~%50%ครึ่ง\\: หนึ่ง\n####ดู \\#คู่มือ \\{หน้า 2\\}\n}');
  });
});
