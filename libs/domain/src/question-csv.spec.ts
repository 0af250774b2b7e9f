import { ExportedQuestion } from './question-export';
import { questionCsvHeader, questionCsvTemplate, readQuestionCsv, writeQuestionCsv } from './question-csv';
import { ImportReading } from './question-import';

const HEADER = questionCsvHeader();
const row = (cells: Partial<Record<'topic' | 'type' | 'stem' | 'correct' | 'explanation' | 'points', string>> & { options?: string[] }) => [
  cells.topic ?? 'หัวข้อ',
  cells.type ?? '',
  cells.stem ?? 'คำถาม',
  ...Array.from({ length: 6 }, (_, i) => cells.options?.[i] ?? ''),
  cells.correct ?? '',
  cells.explanation ?? '',
  cells.points ?? '',
];

function read(...rows: string[][]): ImportReading {
  const result = readQuestionCsv([HEADER, ...rows]);
  if ('fileProblem' in result) throw new Error(result.fileProblem);
  return result;
}

describe('readQuestionCsv', () => {
  it('reads single choice by option number, with the row number Excel shows', () => {
    const { questions, errors } = read(row({ type: 'เลือกตอบข้อเดียว', options: ['ก', 'ข', 'ค'], correct: '2', explanation: 'เพราะ ข', points: '3' }));
    expect(errors).toEqual([]);
    expect(questions).toEqual([
      {
        position: 2,
        title: 'คำถาม',
        topic: 'หัวข้อ',
        type: 'single_choice',
        stem: 'คำถาม',
        options: [
          { text: 'ก', weight: 0 },
          { text: 'ข', weight: 100 },
          { text: 'ค', weight: 0 },
        ],
        explanation: 'เพราะ ข',
        points: 3,
      },
    ]);
  });

  it('reads multiple choice 1;3 as right options sharing 100 % and the others taking back a share each', () => {
    const [q] = read(row({ type: 'เลือกได้หลายคำตอบ', options: ['ก', 'ข', 'ค', 'ง'], correct: '1;3' })).questions;
    expect(q.type).toBe('multiple_choice');
    expect(q.options.map((o) => o.weight)).toEqual([50, -50, 50, -50]);
  });

  it('reads weights of its own, with or without %, and partial credit on a single choice', () => {
    const [multi, single] = read(
      row({ type: 'multiple_choice', options: ['ก', 'ข', 'ค', 'ง'], correct: '1=50; 3=50%;4=-100' }),
      row({ type: 'single_choice', options: ['ก', 'ข', 'ค'], correct: '2;3=50' }),
    ).questions;
    expect(multi.options.map((o) => o.weight)).toEqual([50, 0, 50, -100]);
    expect(single.options.map((o) => o.weight)).toEqual([0, 100, 50]);
  });

  it('reads true/false from ถูก/ผิด or 1/2, with the options ถูก and ผิด when the cells are empty', () => {
    const [a, b] = read(row({ type: 'ถูก/ผิด', correct: 'ผิด' }), row({ type: 'true_false', options: ['ถูก', 'ผิด'], correct: '1' })).questions;
    expect(a.options).toEqual([
      { text: 'ถูก', weight: 0 },
      { text: 'ผิด', weight: 100 },
    ]);
    expect(b.options.map((o) => o.weight)).toEqual([100, 0]);
  });

  it('reads a Likert statement with no options, no key and no points', () => {
    const [q] = read(row({ topic: 'ความพึงพอใจต่อการอบรม', type: 'มาตราส่วน 5 ระดับ', stem: 'วิทยากรถ่ายทอดได้ชัดเจน' })).questions;
    expect(q).toEqual({
      position: 2,
      title: 'วิทยากรถ่ายทอดได้ชัดเจน',
      topic: 'ความพึงพอใจต่อการอบรม',
      type: 'likert',
      stem: 'วิทยากรถ่ายทอดได้ชัดเจน',
      options: [],
      explanation: '',
    });
  });

  it('accepts the English column names, skips # notes and empty rows, and drops the quote Excel formulas are kept behind', () => {
    const result = readQuestionCsv([
      ['topic', 'type', 'stem', 'option_1', 'option_2', 'correct'],
      ['# a note', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['', 'single', "'=1+1 เท่ากับเท่าใด", '2', "'-2", '1'],
    ]);
    expect(result).toEqual({
      questions: [
        {
          position: 4,
          title: '=1+1 เท่ากับเท่าใด',
          topic: 'ทั่วไป',
          type: 'single_choice',
          stem: '=1+1 เท่ากับเท่าใด',
          options: [
            { text: '2', weight: 100 },
            { text: '-2', weight: 0 },
          ],
          explanation: '',
        },
      ],
      errors: [],
    });
  });

  it.each([
    ['an unknown type', row({ type: 'อัตนัย', options: ['ก', 'ข'], correct: '1' }), 'ไม่รู้จักชนิด "อัตนัย"'],
    ['no key', row({ options: ['ก', 'ข'] }), 'กรุณาใส่คำตอบที่ถูก'],
    ['a key that is not numbers', row({ options: ['ก', 'ข'], correct: 'ก' }), 'คำตอบที่ถูก "ก" อ่านไม่ได้'],
    ['a key naming an empty option', row({ options: ['ก', 'ข'], correct: '4' }), 'ตัวเลือกที่ 4 ซึ่งไม่มีข้อความ'],
    ['a key naming an option twice', row({ type: 'multiple_choice', options: ['ก', 'ข'], correct: '1;1' }), 'ซ้ำ'],
    ['two right options on a single choice', row({ options: ['ก', 'ข'], correct: '1;2' }), 'ให้ใช้ชนิด "เลือกได้หลายคำตอบ"'],
    ['weights on some options only', row({ type: 'multiple_choice', options: ['ก', 'ข', 'ค'], correct: '1=50;2' }), 'กำหนดน้ำหนักให้ทุกตัวเลือก'],
    ['points that are not whole', row({ options: ['ก', 'ข'], correct: '1', points: '1.5' }), 'คะแนน "1.5" ต้องเป็นจำนวนเต็ม'],
    ['a true/false key that is neither', row({ type: 'ถูก/ผิด', correct: 'ใช่' }), 'ต้องเป็น ถูก หรือ ผิด'],
    ['a key on a Likert item', row({ type: 'likert', correct: '1' }), 'ไม่มีคำตอบที่ถูก'],
  ])('reports %s with its row number', (_name, cells, reason) => {
    const { questions, errors } = read(row({ options: ['ก', 'ข'], correct: '1' }), cells);
    expect(questions).toHaveLength(1);
    expect(errors).toEqual([{ position: 3, title: 'คำถาม', reason: expect.stringContaining(reason) }]);
  });

  it('refuses a file without the header or without questions', () => {
    expect(readQuestionCsv([['ก', 'ข'], ['1', '2']])).toEqual({ fileProblem: expect.stringContaining('หัวตาราง') });
    expect(readQuestionCsv([])).toEqual({ fileProblem: 'ไฟล์ว่างเปล่า' });
    expect(readQuestionCsv([HEADER, ['# note']])).toEqual({ fileProblem: 'ไฟล์ไม่มีคำถาม' });
  });
});

describe('writeQuestionCsv and the template', () => {
  it('writes every type so that it reads back the same', () => {
    const bank: ExportedQuestion[] = [
      { topic: 'ก', type: 'single_choice', stem: 'หนึ่ง; สอง, "สาม"', options: [{ text: 'x', weight: 0 }, { text: 'y', weight: 100 }], explanation: 'e', points: 2 },
      { topic: 'ก', type: 'single_choice', stem: 's', options: [{ text: 'x', weight: 100 }, { text: 'y', weight: 100 }, { text: 'z', weight: -25 }], explanation: '', points: 1 },
      {
        topic: 'ข',
        type: 'multiple_choice',
        stem: 'm',
        options: [{ text: 'a', weight: 33.33333 }, { text: 'b', weight: 33.33333 }, { text: 'c', weight: 33.33333 }, { text: 'd', weight: 0 }],
        explanation: '',
        points: 1,
      },
      { topic: 'ข', type: 'true_false', stem: 't', options: [{ text: 'ถูก', weight: 0 }, { text: 'ผิด', weight: 100 }], explanation: '', points: 1 },
      { topic: 'ค', type: 'likert', stem: 'l', options: [], explanation: '', points: 0 },
    ];
    const rows = writeQuestionCsv(bank);
    expect(rows[2].slice(9, 10)).toEqual(['1=100;2=100;3=-25']);
    const back = readQuestionCsv(rows);
    if ('fileProblem' in back) throw new Error(back.fileProblem);
    expect(back.errors).toEqual([]);
    expect(back.questions.map(({ position: _p, title: _t, ...q }) => q)).toEqual(
      bank.map(({ points, ...q }) => (q.type === 'likert' ? q : { ...q, points })),
    );
  });

  it('has a template whose example rows all import, one of each type, with notes skipped', () => {
    const template = readQuestionCsv(questionCsvTemplate());
    if ('fileProblem' in template) throw new Error(template.fileProblem);
    expect(template.errors).toEqual([]);
    expect(template.questions.map((q) => q.type)).toEqual(['single_choice', 'multiple_choice', 'true_false', 'likert']);
    for (const cells of questionCsvTemplate()) expect(cells).toHaveLength(HEADER.length);
  });
});
