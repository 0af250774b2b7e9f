/**
 * Question banks as CSV, for organizers who write questions in Excel. The API turns the file into rows of
 * cells (and back); this reads and writes the cells.
 *
 * Columns (Thai headers; the English names are accepted too): หัวข้อ (topic), ชนิด (type), คำถาม (stem),
 * ตัวเลือก 1–6 (option_1..option_6), คำตอบที่ถูก (correct), คำอธิบายเฉลย (explanation), คะแนน (points).
 * A row whose first cell starts with `#` is a note and is skipped.
 *
 * คำตอบที่ถูก (correct) holds option numbers separated by `;`:
 * - single choice `2`; true/false `1` (ถูก) or `2` (ผิด), or the words ถูก / ผิด;
 * - multiple choice `1;3`: the listed options share 100 % equally and each other option takes back as much
 *   as one right option gives, so ticking every box does not earn full points;
 * - any weights of your own, in percent: `1=50;3=50;4=-100` (options not listed are worth 0 %);
 *   single choice with partial credit: `2;3=50` (a number alone is worth 100 %);
 * - Likert: empty, as are its options and points.
 */
import { DEFAULT_TOPIC, ImportedOption, ImportedQuestion, ImportReading } from './question-import';
import { formatWeight, type ExportedQuestion } from './question-export';
import { isFullCredit, type QuestionType } from './scoring';

export const CSV_OPTION_COUNT = 6;

type Field = 'topic' | 'type' | 'stem' | `option_${number}` | 'correct' | 'explanation' | 'points';

export const QUESTION_CSV_COLUMNS: readonly { field: Field; header: string; aliases: readonly string[] }[] = [
  { field: 'topic', header: 'หัวข้อ', aliases: ['topic', 'หมวด'] },
  { field: 'type', header: 'ชนิด', aliases: ['type', 'ชนิดคำถาม'] },
  { field: 'stem', header: 'คำถาม', aliases: ['stem', 'question', 'โจทย์'] },
  ...Array.from({ length: CSV_OPTION_COUNT }, (_, i) => ({
    field: `option_${i + 1}` as Field,
    header: `ตัวเลือก ${i + 1}`,
    aliases: [`option_${i + 1}`, `option ${i + 1}`, `ตัวเลือก${i + 1}`, `ตัวเลือกที่ ${i + 1}`],
  })),
  { field: 'correct', header: 'คำตอบที่ถูก', aliases: ['correct', 'answer', 'เฉลย'] },
  { field: 'explanation', header: 'คำอธิบายเฉลย', aliases: ['explanation', 'คำอธิบาย'] },
  { field: 'points', header: 'คะแนน', aliases: ['points', 'score'] },
];

/** The type's name in the file: the Thai one the app shows, or the API's own. */
const TYPE_NAMES: Record<QuestionType, string> = {
  single_choice: 'เลือกตอบข้อเดียว',
  multiple_choice: 'เลือกได้หลายคำตอบ',
  true_false: 'ถูก/ผิด',
  likert: 'มาตราส่วน 5 ระดับ',
};
const TYPE_ALIASES: Record<string, QuestionType> = {
  ...Object.fromEntries(Object.entries(TYPE_NAMES).map(([type, name]) => [name, type as QuestionType])),
  ...Object.fromEntries((Object.keys(TYPE_NAMES) as QuestionType[]).map((type) => [type, type])),
  ปรนัย: 'single_choice',
  เลือกตอบ: 'single_choice',
  single: 'single_choice',
  หลายคำตอบ: 'multiple_choice',
  multiple: 'multiple_choice',
  'ถูกผิด': 'true_false',
  'ถูก-ผิด': 'true_false',
  truefalse: 'true_false',
  มาตราส่วน: 'likert',
  ความคิดเห็น: 'likert',
  ลิเคิร์ต: 'likert',
};
const TRUE_FALSE_WORDS: Record<string, number> = { ถูก: 1, จริง: 1, true: 1, t: 1, ผิด: 2, เท็จ: 2, false: 2, f: 2 };

/** Excel runs a cell starting with these as a formula; the export puts `'` before it and the import drops that. */
const FORMULA_START = /^'(?=[=+\-@\t\r])/;

/** Reads the table (header row first) into questions; each bad row is reported with its row number and a Thai reason. */
export function readQuestionCsv(rows: readonly (readonly string[])[]): ImportReading | { fileProblem: string } {
  const headerIndex = rows.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { fileProblem: 'ไฟล์ว่างเปล่า' };
  const fields = rows[headerIndex].map(toField);
  if (!fields.includes('stem')) {
    return { fileProblem: 'แถวแรกของไฟล์ต้องเป็นหัวตาราง และต้องมีคอลัมน์ "คำถาม" — ดาวน์โหลดแบบฟอร์มแล้วกรอกตามนั้น' };
  }
  const result: ImportReading = { questions: [], errors: [] };
  rows.forEach((cells, index) => {
    if (index <= headerIndex || cells.every((c) => c.trim() === '') || cells[0]?.trim().startsWith('#')) return;
    const values = new Map<Field, string>();
    fields.forEach((field, column) => {
      if (field) values.set(field, (cells[column] ?? '').trim().replace(FORMULA_START, ''));
    });
    const position = index + 1;
    const stem = values.get('stem') ?? '';
    const title = stem === '' ? null : stem.length > 60 ? `${stem.slice(0, 60)}…` : stem;
    const read = readRow(values);
    if ('reason' in read) result.errors.push({ position, title, reason: read.reason });
    else result.questions.push({ position, title, ...read });
  });
  if (result.questions.length === 0 && result.errors.length === 0) return { fileProblem: 'ไฟล์ไม่มีคำถาม' };
  return result;
}

function readRow(values: Map<Field, string>): Omit<ImportedQuestion, 'position' | 'title'> | { reason: string } {
  const typeCell = values.get('type') ?? '';
  const type = typeCell === '' ? 'single_choice' : TYPE_ALIASES[typeCell.toLowerCase()] ?? TYPE_ALIASES[typeCell];
  if (!type) {
    return { reason: `ไม่รู้จักชนิด "${typeCell}" — ใช้ ${Object.values(TYPE_NAMES).join(', ')}` };
  }
  const base = {
    topic: values.get('topic') || DEFAULT_TOPIC,
    type,
    stem: values.get('stem') ?? '',
    explanation: values.get('explanation') ?? '',
  };
  const correct = values.get('correct') ?? '';
  const pointsCell = values.get('points') ?? '';
  const texts = Array.from({ length: CSV_OPTION_COUNT }, (_, i) => values.get(`option_${i + 1}`) ?? '');

  if (type === 'likert') {
    if (correct !== '') return { reason: 'ข้อความแบบมาตราส่วน 5 ระดับไม่มีคำตอบที่ถูก — เว้นคอลัมน์ "คำตอบที่ถูก" ว่างไว้' };
    return { ...base, options: texts.filter((t) => t !== '').map((text) => ({ text, weight: 0 })) };
  }
  let points: number | undefined;
  if (pointsCell !== '') {
    points = Number(pointsCell);
    if (!Number.isInteger(points)) return { reason: `คะแนน "${pointsCell}" ต้องเป็นจำนวนเต็ม 1–10` };
  }
  const withPoints = points === undefined ? base : { ...base, points };
  if (type === 'true_false') {
    const options = texts.slice(0, 2).every((t) => t === '') ? ['ถูก', 'ผิด'] : texts.filter((t) => t !== '');
    const right = TRUE_FALSE_WORDS[correct.toLowerCase()] ?? (correct === '1' || correct === '2' ? Number(correct) : null);
    if (right === null) return { reason: `คำตอบที่ถูก "${correct}" ของคำถามถูก/ผิดต้องเป็น ถูก หรือ ผิด (หรือ 1 หรือ 2)` };
    return { ...withPoints, options: options.map((text, i) => ({ text, weight: i + 1 === right ? 100 : 0 })) };
  }
  const weights = readCorrect(correct, type, texts);
  if ('reason' in weights) return weights;
  const options: ImportedOption[] = [];
  texts.forEach((text, i) => {
    if (text !== '') options.push({ text, weight: weights.get(i + 1) ?? 0 });
  });
  return { ...withPoints, options };
}

/** The weight of each option number named in the คำตอบที่ถูก cell. */
function readCorrect(cell: string, type: QuestionType, texts: readonly string[]): Map<number, number> | { reason: string } {
  if (cell === '') return { reason: 'กรุณาใส่คำตอบที่ถูกในคอลัมน์ "คำตอบที่ถูก" เช่น 2 หรือ 1;3' };
  const items = cell.split(/[;,]/).map((item) => item.trim()).filter((item) => item !== '');
  const parsed: { n: number; weight: number | null }[] = [];
  for (const item of items) {
    const match = /^(\d+)\s*(?:=\s*(-?\d+(?:\.\d+)?)\s*%?)?$/.exec(item);
    if (!match) return { reason: `คำตอบที่ถูก "${cell}" อ่านไม่ได้ — ใช้เลขตัวเลือก เช่น 2 หรือ 1;3 หรือกำหนดน้ำหนัก เช่น 1=50;3=50;4=-100` };
    const n = Number(match[1]);
    if (n < 1 || n > CSV_OPTION_COUNT || texts[n - 1] === '') return { reason: `คำตอบที่ถูกอ้างถึงตัวเลือกที่ ${n} ซึ่งไม่มีข้อความ` };
    if (parsed.some((p) => p.n === n)) return { reason: `คำตอบที่ถูกระบุตัวเลือกที่ ${n} ซ้ำ` };
    parsed.push({ n, weight: match[2] === undefined ? null : Number(match[2]) });
  }
  const plain = parsed.filter((p) => p.weight === null);
  const weighted = parsed.filter((p) => p.weight !== null);
  if (type === 'single_choice') {
    if (plain.length > 1) {
      return { reason: 'เลือกตอบข้อเดียวมีคำตอบที่ถูกได้ข้อเดียว — ถ้าถูกได้หลายข้อ ให้ใช้ชนิด "เลือกได้หลายคำตอบ"' };
    }
    return new Map(parsed.map((p) => [p.n, p.weight ?? 100]));
  }
  if (weighted.length === 0) {
    // The right options share 100 %; the others take back a share each, as the scoring does without weights.
    const share = 100 / plain.length;
    const right = new Set(plain.map((p) => p.n));
    return new Map(texts.map((_, i) => [i + 1, right.has(i + 1) ? share : -share]));
  }
  if (plain.length > 0) return { reason: 'กำหนดน้ำหนักให้ทุกตัวเลือกที่ระบุ เช่น 1=50;3=50 หรือไม่กำหนดเลย เช่น 1;3' };
  return new Map(weighted.map((p) => [p.n, p.weight as number]));
}

function toField(header: string): Field | null {
  const key = header.replace(/^\ufeff/, '').trim().toLowerCase();
  return QUESTION_CSV_COLUMNS.find((c) => c.header.toLowerCase() === key || c.aliases.includes(key))?.field ?? null;
}

export function questionCsvHeader(): string[] {
  return QUESTION_CSV_COLUMNS.map((c) => c.header);
}

/** The bank as rows under the header, in the template's own notation, so they import back as they are. */
export function writeQuestionCsv(questions: readonly ExportedQuestion[]): string[][] {
  return [questionCsvHeader(), ...questions.map(questionRow)];
}

function questionRow(q: ExportedQuestion): string[] {
  const likert = q.type === 'likert';
  const options = likert ? [] : q.options;
  const texts = Array.from({ length: CSV_OPTION_COUNT }, (_, i) => options[i]?.text ?? '');
  return [q.topic, TYPE_NAMES[q.type], q.stem, ...texts, likert ? '' : correctCell(q), q.explanation, likert ? '' : String(q.points)];
}

/** Plain option numbers when every option is worth all or nothing; the weights themselves otherwise. */
function correctCell(q: ExportedQuestion): string {
  const numbered = q.options.map((o, i) => ({ n: i + 1, weight: o.weight }));
  if (q.type !== 'multiple_choice' && numbered.every((o) => isFullCredit(o.weight) || o.weight === 0)) {
    const right = numbered.filter((o) => isFullCredit(o.weight));
    if (right.length === 1) return String(right[0].n);
  }
  return numbered
    .filter((o) => o.weight !== 0)
    .map((o) => `${o.n}=${formatWeight(o.weight)}`)
    .join(';');
}

/** The downloadable template: notes in Thai (rows starting with #), then one example of each type. */
export function questionCsvTemplate(): string[][] {
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const width = QUESTION_CSV_COLUMNS.length;
  const note = (text: string) => [text, ...blank(width - 1)];
  return [
    questionCsvHeader(),
    note('# แถวที่ขึ้นต้นด้วย # เป็นคำอธิบาย ระบบจะข้ามไป (ลบทิ้งได้) — บันทึกไฟล์เป็น CSV UTF-8'),
    note(`# ชนิด: ${Object.values(TYPE_NAMES).join(' / ')} (เว้นว่าง = เลือกตอบข้อเดียว)`),
    note('# คำตอบที่ถูก: ใส่เลขตัวเลือก เช่น 2 — เลือกได้หลายคำตอบใส่ 1;3 (ข้อที่ถูกแบ่ง 100% เท่ากัน ข้อที่ผิดหักคะแนนเท่ากับข้อที่ถูกหนึ่งข้อ)'),
    note('# กำหนดน้ำหนักเอง (เปอร์เซ็นต์) ได้ เช่น 1=50;3=50;4=-100 — ถูก/ผิด ใส่ ถูก หรือ ผิด — มาตราส่วน 5 ระดับ เว้นตัวเลือก คำตอบ และคะแนนว่าง'),
    note('# คะแนน: จำนวนเต็ม 1–10 (เว้นว่าง = 1)'),
    [
      'การป้องกันการทุจริต',
      TYPE_NAMES.single_choice,
      'ข้อใดเป็นการรับสินบน',
      'รับเงินจากผู้มาติดต่อเพื่อเร่งงานให้',
      'ให้บริการตามลำดับคิว',
      'ปฏิเสธของขวัญจากผู้มาติดต่อ',
      'แจ้งผู้บังคับบัญชาเมื่อถูกเสนอเงิน',
      '',
      '',
      '1',
      'การรับเงินเพื่อแลกกับการใช้อำนาจหน้าที่คือการรับสินบน',
      '1',
    ],
    [
      'การป้องกันการทุจริต',
      TYPE_NAMES.multiple_choice,
      'ข้อใดเป็นการกระทำที่ซื่อสัตย์สุจริต (เลือกได้หลายข้อ)',
      'คืนเงินทอนที่ได้เกินมา',
      'ใช้รถราชการไปธุระส่วนตัว',
      'รายงานการใช้งบประมาณตามจริง',
      'ลงเวลาทำงานแทนเพื่อน',
      '',
      '',
      '1;3',
      '',
      '2',
    ],
    ['การป้องกันการทุจริต', TYPE_NAMES.true_false, 'การปฏิเสธของขวัญเพื่อแลกกับการเร่งงานเป็นการกระทำที่ถูกต้อง', 'ถูก', 'ผิด', '', '', '', '', 'ถูก', '', '1'],
    ['ความพึงพอใจต่อการอบรม', TYPE_NAMES.likert, 'เนื้อหาการอบรมเป็นประโยชน์ต่อการทำงาน', ...blank(6), '', '', ''],
  ];
}
