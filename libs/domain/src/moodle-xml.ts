/**
 * Import of Moodle XML question files (https://docs.moodle.org/en/Moodle_XML_format). The API parses the XML
 * and hands over each `<question>` as read here; this decides what the bank can hold and why not.
 */
import { categoryTopic, GIFT_FALSE_TEXT, GIFT_TRUE_TEXT } from './gift';
import { htmlToText, tidyLines } from './html-text';
import { DEFAULT_TOPIC, explanationOf, ImportedOption, ImportedQuestion, ImportReading, pointsFromGrade } from './question-import';

/** A `<questiontext>`, `<generalfeedback>`, answer or feedback: its `<text>` and its `format` attribute. */
export interface MoodleXmlText {
  text: string;
  format: string | null;
}

export interface MoodleXmlAnswer {
  /** The `fraction` attribute: percent of the points, as Moodle writes it ("100", "50", "-33.33333"). */
  fraction: string | null;
  text: MoodleXmlText;
  feedback: MoodleXmlText | null;
}

/** One `<question>` element, as it stands in the file. */
export interface MoodleXmlQuestion {
  type: string;
  /** `<name><text>` */
  name: string | null;
  questionText: MoodleXmlText | null;
  generalFeedback: MoodleXmlText | null;
  defaultGrade: string | null;
  /** `<single>` of a multichoice: "true" for one answer, "false" for several. */
  single: string | null;
  answers: MoodleXmlAnswer[];
  /** `<category><text>` of a `type="category"` pseudo-question. */
  category: string | null;
}

const UNSUPPORTED: Record<string, string> = {
  shortanswer: 'คำถามแบบเติมคำตอบสั้น (short answer)',
  essay: 'คำถามแบบความเรียง (essay)',
  matching: 'คำถามแบบจับคู่ (matching)',
  randomsamatch: 'คำถามแบบจับคู่สุ่ม (random short-answer matching)',
  numerical: 'คำถามแบบตัวเลข (numerical)',
  calculated: 'คำถามแบบคำนวณ (calculated)',
  calculatedsimple: 'คำถามแบบคำนวณ (calculated simple)',
  calculatedmulti: 'คำถามแบบคำนวณหลายตัวเลือก (calculated multichoice)',
  description: 'ข้อความคำอธิบาย (description)',
  cloze: 'คำถามแบบเติมคำหลายช่อง (cloze)',
  multianswer: 'คำถามแบบเติมคำหลายช่อง (cloze / embedded answers)',
  ddwtos: 'คำถามแบบลากคำไปวางในข้อความ (drag and drop into text)',
  gapselect: 'คำถามแบบเลือกคำเติมช่องว่าง (select missing words)',
  ddimageortext: 'คำถามแบบลากวางบนรูปภาพ (drag and drop onto image)',
  ddmarker: 'คำถามแบบลากเครื่องหมาย (drag and drop markers)',
  random: 'คำถามสุ่ม (random)',
  ordering: 'คำถามแบบเรียงลำดับ (ordering)',
};

const TRUE_WORDS = new Set(['true', 'ถูก', 'จริง']);
const FALSE_WORDS = new Set(['false', 'ผิด', 'เท็จ']);

type Read = { question: Omit<ImportedQuestion, 'position' | 'title' | 'topic'> } | { reason: string };

/**
 * Reads the file's questions in order. A category question sets the topic of those after it (the last level
 * of its path, without `$course$/top/`) and is not counted; every other question is numbered from 1.
 */
export function readMoodleXmlQuestions(entries: readonly MoodleXmlQuestion[]): ImportReading {
  const result: ImportReading = { questions: [], errors: [] };
  let topic: string | null = null;
  let number = 0;
  for (const entry of entries) {
    if (entry.type === 'category') {
      topic = entry.category === null ? null : categoryTopic(entry.category);
      continue;
    }
    number += 1;
    const title = entry.name ? tidyLines(entry.name) || null : null;
    const read = readQuestion(entry);
    if ('reason' in read) result.errors.push({ position: number, title, reason: read.reason });
    else result.questions.push({ position: number, title, topic: topic ?? DEFAULT_TOPIC, ...read.question });
  }
  return result;
}

function readQuestion(entry: MoodleXmlQuestion): Read {
  if (entry.type !== 'multichoice' && entry.type !== 'truefalse') {
    const label = UNSUPPORTED[entry.type];
    return {
      reason: label
        ? `${label} ยังไม่รองรับ — คลังข้อสอบรับเฉพาะแบบเลือกตอบ (multichoice) และถูก/ผิด (truefalse)`
        : `คำถามชนิด "${entry.type || 'ไม่ระบุ'}" ยังไม่รองรับ — คลังข้อสอบรับเฉพาะแบบเลือกตอบ (multichoice) และถูก/ผิด (truefalse)`,
    };
  }
  const stem = entry.questionText ? plain(entry.questionText) : '';
  if (stem === '') {
    return { reason: 'ไม่มีข้อความโจทย์ (<questiontext>) — โจทย์ที่เป็นรูปภาพอย่างเดียวยังไม่รองรับ' };
  }
  const answers: { text: string; weight: number; feedback: string | null }[] = [];
  for (const [index, answer] of entry.answers.entries()) {
    const weight = Number(answer.fraction ?? '0');
    if (answer.fraction !== null && (answer.fraction.trim() === '' || !Number.isFinite(weight))) {
      return { reason: `ตัวเลือกที่ ${index + 1}: fraction="${answer.fraction}" ไม่ใช่ตัวเลข` };
    }
    if (weight < -100 || weight > 100) {
      return { reason: `ตัวเลือกที่ ${index + 1}: fraction="${answer.fraction}" ต้องอยู่ระหว่าง -100 ถึง 100 (เปอร์เซ็นต์)` };
    }
    const text = plain(answer.text);
    // Moodle's form leaves unused answer slots empty and worth nothing; they are not options.
    if (text === '' && weight === 0) continue;
    if (text === '') return { reason: `ตัวเลือกที่ ${index + 1} ไม่มีข้อความ (อาจเป็นรูปภาพ ซึ่งยังไม่รองรับ)` };
    answers.push({ text, weight, feedback: answer.feedback ? plain(answer.feedback) || null : null });
  }
  const general = entry.generalFeedback ? plain(entry.generalFeedback) || null : null;
  const explanation = explanationOf(
    general,
    answers.map((a) => ({ weightPercent: a.weight, feedback: a.feedback })),
  );
  const points = entry.defaultGrade === null ? undefined : (pointsFromGrade(entry.defaultGrade) ?? undefined);

  if (entry.type === 'truefalse') {
    const options = trueFalseOptions(answers);
    if (!options) return { reason: 'คำถามถูก/ผิดต้องมีคำตอบ true และ false อย่างละหนึ่งข้อ' };
    return { question: { type: 'true_false', stem, options, explanation, ...(points ? { points } : {}) } };
  }
  const single = (entry.single ?? 'true').trim().toLowerCase();
  const type = single === 'false' || single === '0' ? 'multiple_choice' : 'single_choice';
  const options = answers.map(({ text, weight }) => ({ text, weight }));
  return { question: { type, stem, options, explanation, ...(points ? { points } : {}) } };
}

/** Moodle writes the answers `true` and `false` whatever the site's language; the bank shows ถูก and ผิด, true first. */
function trueFalseOptions(answers: { text: string; weight: number }[]): ImportedOption[] | null {
  const yes = answers.filter((a) => TRUE_WORDS.has(a.text.toLowerCase()));
  const no = answers.filter((a) => FALSE_WORDS.has(a.text.toLowerCase()));
  if (answers.length !== 2 || yes.length !== 1 || no.length !== 1) return null;
  return [
    { text: GIFT_TRUE_TEXT, weight: yes[0].weight },
    { text: GIFT_FALSE_TEXT, weight: no[0].weight },
  ];
}

function plain(value: MoodleXmlText): string {
  const format = (value.format ?? 'html').toLowerCase();
  if (format === 'plain_text' || format === 'markdown') return tidyLines(value.text);
  // Moodle's auto-format is text whose line breaks count, with HTML allowed in it.
  return htmlToText(format === 'moodle_auto_format' ? value.text.replace(/\r?\n/g, '<br>') : value.text);
}
