import { explanationOf, pointsFromGrade, readGiftQuestions } from './question-import';

describe('readGiftQuestions: a GIFT file as the bank stores it', () => {
  it('keeps multiple answers with their weights and single choice with partial weights', () => {
    const { questions, errors } = readGiftQuestions(
      [
        '$CATEGORY: $course$/top/การจัดซื้อจัดจ้าง',
        '',
        'ข้อใดเป็นวิธีจัดซื้อจัดจ้าง {~%50%วิธีคัดเลือก ~%50%วิธีเฉพาะเจาะจง ~%-100%วิธีประมูลลับ}',
        '',
        'เลือกคำตอบ {=ถูกที่สุด ~%50%ถูกครึ่งหนึ่ง ~ผิด}',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(questions).toEqual([
      {
        position: 3,
        title: null,
        topic: 'การจัดซื้อจัดจ้าง',
        type: 'multiple_choice',
        stem: 'ข้อใดเป็นวิธีจัดซื้อจัดจ้าง',
        options: [
          { text: 'วิธีคัดเลือก', weight: 50 },
          { text: 'วิธีเฉพาะเจาะจง', weight: 50 },
          { text: 'วิธีประมูลลับ', weight: -100 },
        ],
        explanation: '',
      },
      {
        position: 5,
        title: null,
        topic: 'การจัดซื้อจัดจ้าง',
        type: 'single_choice',
        stem: 'เลือกคำตอบ',
        options: [
          { text: 'ถูกที่สุด', weight: 100 },
          { text: 'ถูกครึ่งหนึ่ง', weight: 50 },
          { text: 'ผิด', weight: 0 },
        ],
        explanation: '',
      },
    ]);
  });

  it('puts questions before any $CATEGORY under ทั่วไป and reads true/false as ถูก, ผิด', () => {
    const [q] = readGiftQuestions('::tf:: นายก อบต. มาจากการเลือกตั้งโดยตรง {F}').questions;
    expect(q).toMatchObject({ title: 'tf', topic: 'ทั่วไป', type: 'true_false', options: [{ text: 'ถูก', weight: 0 }, { text: 'ผิด', weight: 100 }] });
  });

  it('reports what the parser refuses with the line it starts on', () => {
    expect(readGiftQuestions('ข้อ 1 {T}\n\n::m:: จับคู่ {=a -> b =c -> d}').errors).toEqual([
      { position: 3, title: 'm', reason: 'คำถามแบบจับคู่ (matching) ยังไม่รองรับ' },
    ]);
  });
});

describe('explanationOf', () => {
  it('takes the general feedback, else the feedback of the fully right answers, else nothing', () => {
    const options = [
      { weightPercent: 100, feedback: 'ถูกต้อง เพราะ ก' },
      { weightPercent: 0, feedback: 'ผิด' },
      { weightPercent: 50, feedback: 'ได้ครึ่งเดียว' },
    ];
    expect(explanationOf('คำอธิบายรวม', options)).toBe('คำอธิบายรวม');
    expect(explanationOf(null, options)).toBe('ถูกต้อง เพราะ ก');
    expect(explanationOf(null, [{ weightPercent: 0, feedback: 'ผิด' }])).toBe('');
  });
});

describe('pointsFromGrade', () => {
  it.each([
    ['1.0000000', 1],
    ['2.5', 3],
    ['0', 1],
    ['0.4', 1],
    ['25', 10],
    ['-3', 1],
    [' 4 ', 4],
  ])('reads %p as %p points', (grade, points) => {
    expect(pointsFromGrade(grade)).toBe(points);
  });

  it('gives null for a grade that is not a number', () => {
    expect(pointsFromGrade('สอง')).toBeNull();
    expect(pointsFromGrade('')).toBeNull();
  });
});
