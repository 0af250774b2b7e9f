import type { z } from 'zod';
import {
  QuestionInputSchema,
  type BankQuestion,
  type ExportFormat,
  type ImportFormat,
  type QuestionImportPreview,
  isValidationMessageKey,
  thaiIssueMessage,
} from '@sujarit/contracts';
import {
  ExportedQuestion,
  hasUnsafeCharacter,
  ImportReading,
  MoodleXmlAnswer,
  MoodleXmlQuestion,
  MoodleXmlText,
  questionCsvTemplate,
  readGiftQuestions,
  readMoodleXmlQuestions,
  readQuestionCsv,
  writeGift,
  UNSAFE_CHARACTER_REASON,
  withoutUnsafeCharacters,
  writeQuestionCsv,
} from '@sujarit/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { DomainError } from '../common/domain.error';

export interface UploadedQuestionFile {
  buffer: Buffer;
  originalname: string;
}

/** A file to send as it is: its bytes, type and names (ASCII for old clients, Thai for the others). */
export interface QuestionFileDownload {
  content: string;
  contentType: string;
  asciiFileName: string;
  fileName: string;
}

export const MAX_QUESTION_FILE_BYTES = 2 * 1024 * 1024;

const MAX_XML_DEPTH = 20;

const NOT_MOODLE_XML = 'ไม่ใช่ไฟล์ Moodle XML — ไฟล์ต้องมี <quiz> ครอบคำถามทั้งหมด (ใน Moodle ส่งออกคลังข้อสอบแบบ "Moodle XML format")';

const FILE_NAMES: Record<ImportFormat, string> = {
  gift: 'ไฟล์ GIFT (.gift หรือ .txt)',
  moodle_xml: 'ไฟล์ Moodle XML (.xml)',
  csv: 'ไฟล์ CSV (.csv)',
};

/** Reads an uploaded file of that format; a file that cannot be read at all is refused whole, in Thai. */
export function readQuestionFile(format: ImportFormat, file: UploadedQuestionFile | undefined): ImportReading {
  if (!file) throw new DomainError('IMPORT_FILE_INVALID', `กรุณาเลือก${FILE_NAMES[format]}`);
  const text = file.buffer.toString('utf8').replace(/^\ufeff/, '');
  if (text.includes('\ufffd')) {
    throw new DomainError(
      'IMPORT_FILE_INVALID',
      format === 'csv' ? 'ไฟล์ CSV ต้องบันทึกเป็น UTF-8 (ใน Excel เลือก "CSV UTF-8")' : `${FILE_NAMES[format]} ต้องบันทึกเป็น UTF-8`,
    );
  }
  if (format === 'gift') return readGiftQuestions(text);
  if (format === 'moodle_xml') return readMoodleXmlQuestions(moodleXmlQuestions(text));
  const read = readQuestionCsv(Papa.parse<string[]>(text, { skipEmptyLines: false }).data);
  if ('fileProblem' in read) throw new DomainError('IMPORT_FILE_INVALID', read.fileProblem);
  return read;
}

/** What a question's field is called in a preview's reason ("คำถาม" + "ยาวได้ไม่เกิน 2000 ตัวอักษร"). */
const FIELD_NAMES: Partial<Record<string, string>> = {
  topic: 'หัวข้อ',
  stem: 'คำถาม',
  explanation: 'คำอธิบายเฉลย',
  options: 'ตัวเลือก',
  followUpOutcome: 'ชื่อผลลัพธ์ที่ติดตาม',
};

/** A schema's own message names its field already; zod's own (a limit) is named by the field it is about. */
function importReason(issue: z.core.$ZodIssue): string {
  const message = thaiIssueMessage(issue);
  const field = isValidationMessageKey(issue.message) ? undefined : FIELD_NAMES[String(issue.path[0])];
  return field ? `${field}${message}` : message;
}

/**
 * The preview: every question read is checked against the same contract as the confirm route, so what the
 * preview offers is exactly what will be accepted; whatever the contract refuses joins the errors, in Thai.
 */
export function toPreview(format: ImportFormat, reading: ImportReading): QuestionImportPreview {
  // A reason may quote the file's own words: what the bank cannot hold is shown as �.
  const shown = (text: string | null) => (text === null ? null : withoutUnsafeCharacters(text));
  const preview: QuestionImportPreview = {
    format,
    questions: [],
    errors: reading.errors.map((e) => ({ position: e.position, title: shown(e.title), reason: withoutUnsafeCharacters(e.reason) })),
  };
  for (const { position, title, ...question } of reading.questions) {
    const texts = [question.topic, question.stem, question.explanation, ...question.options.map((o) => o.text)];
    if (texts.some(hasUnsafeCharacter)) {
      preview.errors.push({ position, title: shown(title), reason: `คำถามนี้${UNSAFE_CHARACTER_REASON}` });
      continue;
    }
    const checked = QuestionInputSchema.safeParse(question);
    if (checked.success) {
      const { options, points, ...rest } = checked.data;
      preview.questions.push({ position, ...rest, options, ...(points === undefined ? {} : { points }) });
      continue;
    }
    const reasons = [...new Set(checked.error.issues.map(importReason))];
    for (const reason of reasons) preview.errors.push({ position, title, reason });
  }
  preview.errors.sort((a, b) => a.position - b.position);
  return preview;
}

/** Every `<question>` of a Moodle XML `<quiz>` in file order, read as the domain wants it. */
export function moodleXmlQuestions(text: string): MoodleXmlQuestion[] {
  if (!text.trimStart().startsWith('<')) throw new DomainError('IMPORT_FILE_INVALID', NOT_MOODLE_XML);
  // Moodle writes no DOCTYPE; one in an uploaded file can only declare entities, external or expanding.
  if (/<!DOCTYPE/i.test(text)) {
    throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ Moodle XML ต้องไม่มี <!DOCTYPE> (การประกาศ entity ไม่รองรับ) — ส่งออกจาก Moodle ใหม่แล้วลองอีกครั้ง');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new DomainError('IMPORT_FILE_INVALID', `ไฟล์ XML ไม่สมบูรณ์ (บรรทัดที่ ${valid.err.line}): ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    // Values stay text: "1.0000000" and "true" are read by the domain, not guessed here.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Numeric character references (&#3585;) as well as the XML ones; CDATA stays as written.
    htmlEntities: true,
    isArray: (_name, path) => path === 'quiz.question' || path === 'quiz.question.answer',
    // Moodle nests five deep (quiz, question, answer, feedback, text); HTML inside is escaped or CDATA.
    maxNestedTags: MAX_XML_DEPTH,
  });
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch {
    throw new DomainError('IMPORT_FILE_INVALID', `อ่านไฟล์ XML นี้ไม่ได้ — แท็กซ้อนกันเกิน ${MAX_XML_DEPTH} ชั้น หรือมีส่วนที่ Moodle ไม่ได้เขียน`);
  }
  const quiz = field(document, 'quiz');
  if (quiz === undefined) throw new DomainError('IMPORT_FILE_INVALID', NOT_MOODLE_XML);
  const questions = field(quiz, 'question');
  if (!Array.isArray(questions) || questions.length === 0) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ไม่มีคำถาม (<question>)');
  return questions.map((q: unknown) => ({
    type: attribute(q, 'type') ?? '',
    name: textOf(field(q, 'name'))?.text ?? null,
    questionText: textOf(field(q, 'questiontext')),
    generalFeedback: textOf(field(q, 'generalfeedback')),
    defaultGrade: scalar(field(q, 'defaultgrade')),
    single: scalar(field(q, 'single')),
    answers: (Array.isArray(field(q, 'answer')) ? (field(q, 'answer') as unknown[]) : []).map(
      (a): MoodleXmlAnswer => ({
        fraction: attribute(a, 'fraction'),
        text: { text: scalar(field(a, 'text')) ?? '', format: attribute(a, 'format') },
        feedback: textOf(field(a, 'feedback')),
      }),
    ),
    category: textOf(field(q, 'category'))?.text ?? null,
  }));
}

function field(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
}

function attribute(node: unknown, name: string): string | null {
  const value = field(field(node, '@'), name);
  return typeof value === 'string' ? value : null;
}

/** The text of an element: itself when it has no children, else its `#text`. */
function scalar(node: unknown): string | null {
  if (typeof node === 'string') return node;
  const text = field(node, '#text');
  return typeof text === 'string' ? text : node === undefined ? null : '';
}

/** An element holding `<text>` with a `format` attribute, as Moodle writes question text and feedback. */
function textOf(node: unknown): MoodleXmlText | null {
  if (node === undefined) return null;
  return { text: scalar(field(node, 'text')) ?? scalar(node) ?? '', format: attribute(node, 'format') };
}

/** The organizer's bank as a file to download, in bank order, Likert items only in CSV (GIFT has none). */
export function questionBankFile(format: ExportFormat, program: { code: string; name: string }, questions: BankQuestion[]): QuestionFileDownload {
  const exported: ExportedQuestion[] = questions.map((q) => ({
    topic: q.topic,
    type: q.type,
    stem: q.stem,
    options: q.options.map((o) => ({ text: o.text, weight: o.weight ?? 0 })),
    explanation: q.explanation,
    points: q.points,
  }));
  const base = `questions-${program.code}`;
  if (format === 'gift') {
    return {
      content: writeGift(exported, [`คลังข้อสอบโครงการ ${program.code} ${program.name}`, 'ส่งออกจากระบบสุจริต — นำเข้า Moodle หรือสุจริตได้']),
      contentType: 'text/plain; charset=utf-8',
      asciiFileName: `sujarit-${base}.gift`,
      fileName: `คลังข้อสอบ-${program.code}.gift`,
    };
  }
  return {
    content: csvText(writeQuestionCsv(exported)),
    contentType: 'text/csv; charset=utf-8',
    asciiFileName: `sujarit-${base}.csv`,
    fileName: `คลังข้อสอบ-${program.code}.csv`,
  };
}

/** The CSV template: Thai notes and one example of each type, with a BOM so Excel opens the Thai right. */
export function questionCsvTemplateText(): string {
  return csvText(questionCsvTemplate());
}

function csvText(rows: string[][]): string {
  // escapeFormulae: a cell Excel would run as a formula gets a leading ' (the import drops it again).
  return `\ufeff${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
