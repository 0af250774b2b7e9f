/**
 * Import of question banks written in Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format).
 * Parsing never throws: each question that cannot be imported is reported with its line and a reason
 * in Thai, and the questions around it still import, so the preview can show both.
 */
import { htmlToText } from './html-text';
import { FULL_CREDIT_TOLERANCE_PERCENT, isFullCredit, type QuestionType } from './scoring';

/** GIFT has no Likert scale, so an import yields only the scored types. */
export type GiftQuestionType = Exclude<QuestionType, 'likert'>;

export interface GiftOption {
  text: string;
  /** Percent of the question's points this option is worth; negative for a penalty. */
  weightPercent: number;
  /** Shown to a trainee who chose this option. */
  feedback: string | null;
}

export interface GiftQuestion {
  title: string | null;
  stem: string;
  /** Last level of the `$CATEGORY:` path in force, or null before the first one. */
  topic: string | null;
  type: GiftQuestionType;
  options: GiftOption[];
  /** The general feedback (`####`), shown with the answer whatever was chosen. */
  explanation: string | null;
  /** 1-based line where the question starts. */
  firstLine: number;
}

export interface GiftError {
  /** 1-based line where the question starts. */
  line: number;
  title: string | null;
  reason: string;
}

export interface GiftParseResult {
  questions: GiftQuestion[];
  errors: GiftError[];
}

/** What a fill-the-blank question shows where its answer block stood, as Moodle does. */
export const GIFT_BLANK = '_____';

export const GIFT_TRUE_TEXT = 'ถูก';
export const GIFT_FALSE_TEXT = 'ผิด';

const REASONS = {
  description: 'ไม่พบส่วนคำตอบ { } — ข้อความที่ไม่มีคำตอบเป็นคำถามแบบคำอธิบาย (description) ซึ่งยังไม่รองรับ',
  unclosedBlock:
    'วงเล็บ { ของส่วนคำตอบไม่มี } ปิด — ใส่ } ท้ายคำตอบ (บรรทัดว่างภายในคำถามจะแยกเป็นคำถามใหม่) ถ้าต้องการตัวอักษร { ให้เขียน \\{',
  strayClose: 'พบ } ที่ไม่มี { เปิด — ถ้าต้องการตัวอักษร } ให้เขียน \\}',
  twoBlocks: 'มีส่วนคำตอบ { } มากกว่าหนึ่งชุดในคำถามเดียว — คั่นแต่ละคำถามด้วยบรรทัดว่าง หรือเขียน \\{ \\} ถ้าต้องการตัวอักษร',
  unclosedTitle: 'ชื่อคำถามขึ้นต้นด้วย :: แต่ไม่มี :: ปิด — ถ้าต้องการตัวอักษร : ในชื่อ ให้เขียน \\:',
  noStem: 'ไม่มีโจทย์ — เขียนคำถามไว้ก่อนส่วนคำตอบ { }',
  essay: 'คำถามแบบความเรียง (essay) ยังไม่รองรับ — ส่วนคำตอบ { } ว่างเปล่า',
  numerical: 'คำถามแบบตัวเลข (numerical) ยังไม่รองรับ',
  matching: 'คำถามแบบจับคู่ (matching) ยังไม่รองรับ',
  shortAnswer:
    'คำถามแบบเติมคำตอบสั้น (short answer) ยังไม่รองรับ — ถ้าต้องการแบบเลือกตอบ ให้เพิ่มตัวเลือกผิดที่ขึ้นต้นด้วย ~',
  noRightAnswer:
    'ไม่มีคำตอบที่ถูก — แบบเลือกตอบข้อเดียวต้องมีตัวเลือกที่ขึ้นต้นด้วย = ส่วนแบบเลือกได้หลายข้อต้องกำหนดน้ำหนัก เช่น ~%50% ให้ตัวเลือกที่ถูก',
  noFullOption: 'ไม่มีตัวเลือกที่ได้คะแนนเต็ม 100% — ตัวเลือกที่ถูกต้องขึ้นต้นด้วย = โดยไม่กำหนดน้ำหนัก หรือกำหนด =%100%',
  tooFewOptions: 'ต้องมีตัวเลือกอย่างน้อย 2 ตัว',
} as const;

const FORMAT_MARKER = /^\[(html|moodle|markdown|plain)\]/i;
const CATEGORY_LINE = /^\$CATEGORY:/i;
const TRUE_WORDS = new Set(['T', 'TRUE']);
const FALSE_WORDS = new Set(['F', 'FALSE']);
const WEIGHT = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** One character of GIFT text; an escaped one (`\~`, `\n`…) is plain text and never syntax. */
interface GiftChar {
  ch: string;
  escaped: boolean;
}
type GiftText = readonly GiftChar[];

type Rejection = { reason: string };
type AnswerBlock = { type: GiftQuestionType; options: GiftOption[] };

export function parseGift(source: string): GiftParseResult {
  const result: GiftParseResult = { questions: [], errors: [] };
  let topic: string | null = null;
  let lines: string[] = [];
  let firstLine = 0;

  const flush = () => {
    if (lines.length > 0) {
      const parsed = parseQuestion(lines.join('\n'), firstLine, topic);
      if ('reason' in parsed) result.errors.push(parsed);
      else result.questions.push(parsed);
    }
    lines = [];
  };

  source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      const trimmed = line.trim();
      // Questions are separated by blank lines; a comment line separates nothing and is simply dropped.
      if (trimmed === '') return flush();
      if (trimmed.startsWith('//')) return;
      if (CATEGORY_LINE.test(trimmed)) {
        // Moodle wants the category alone between blank lines; one stuck to a question is accepted too.
        flush();
        topic = categoryTopic(trimmed.replace(CATEGORY_LINE, ''));
        return;
      }
      if (lines.length === 0) firstLine = index + 1;
      lines.push(line);
    });
  flush();
  return result;
}

/**
 * The topic is the last level of a Moodle category path: `$course$/top/ความปลอดภัย/อัคคีภัย` gives `อัคคีภัย`.
 * Moodle writes a `/` inside a level name as `//`; context markers such as `$course$` and the `top` under them are not topics.
 * GIFT's `$CATEGORY:` and Moodle XML's category questions both write paths this way.
 */
export function categoryTopic(path: string): string | null {
  const levels = path
    .trim()
    .split(/(?<!\/)\/(?!\/)/)
    .map((level) => level.replace(/\/\//g, '/').trim());
  const isContext = (level: string | undefined) => level !== undefined && /^\$\w+\$$/.test(level);
  const named = levels.filter((level, i) => level !== '' && !isContext(level) && !(level === 'top' && isContext(levels[i - 1])));
  return named.length > 0 ? named[named.length - 1] : null;
}

function parseQuestion(source: string, firstLine: number, topic: string | null): GiftQuestion | GiftError {
  let text: GiftText = lex(source);
  let title: string | null = null;
  const start = skipSpace(text, 0);
  if (find(text, '::', start) === start) {
    const end = find(text, '::', start + 2);
    if (end < 0) return { line: firstLine, title: null, reason: REASONS.unclosedTitle };
    title = tidy(raw(text.slice(start + 2, end))) || null;
    text = text.slice(end + 2);
  }
  const reject = (reason: string): GiftError => ({ line: firstLine, title, reason });

  const open = find(text, '{');
  const close = find(text, '}');
  if (open < 0) return reject(close < 0 ? REASONS.description : REASONS.strayClose);
  if (close >= 0 && close < open) return reject(REASONS.strayClose);
  if (close < 0 || find(text.slice(0, close), '{', open + 1) >= 0) return reject(REASONS.unclosedBlock);
  const after = text.slice(close + 1);
  if (find(after, '{') >= 0) return reject(REASONS.twoBlocks);
  if (find(after, '}') >= 0) return reject(REASONS.strayClose);

  let block = text.slice(open + 1, close);
  let explanation: string | null = null;
  // Moodle takes the general feedback from the last `####`.
  const general = findLast(block, '####');
  if (general >= 0) {
    explanation = tidy(raw(block.slice(general + 4))) || null;
    block = block.slice(0, general);
  }
  const answers = parseAnswerBlock(block);
  if ('reason' in answers) return reject(answers.reason);

  const beforeRaw = raw(text.slice(0, open));
  const before = withoutFormat(beforeRaw);
  const rest = raw(after);
  // Text after the answer block makes it a fill-the-blank question.
  const stem = tidy(rest.trim() === '' ? before : before + GIFT_BLANK + rest);
  if (stem === '') return reject(REASONS.noStem);

  // Moodle exports `[html]` questions: their text, answers and feedback are HTML, stored here as plain text.
  if (/^\[html\]/i.test(beforeRaw.trimStart())) {
    const plain = (value: string) => htmlToText(value);
    return {
      title,
      stem: plain(stem),
      topic,
      type: answers.type,
      options: answers.options.map((o) => ({ ...o, text: plain(o.text), feedback: o.feedback === null ? null : plain(o.feedback) || null })),
      explanation: explanation === null ? null : plain(explanation) || null,
      firstLine,
    };
  }
  return { title, stem, topic, type: answers.type, options: answers.options, explanation, firstLine };
}

/** Tells the question type from the answer block in Moodle's order, and reads the options of the types we support. */
function parseAnswerBlock(block: GiftText): AnswerBlock | Rejection {
  const first = skipSpace(block, 0);
  if (first === block.length) return { reason: REASONS.essay };
  if (isSyntax(block[first], '#')) return { reason: REASONS.numerical };
  if (find(block, '~') >= 0) return parseChoices(block);
  const hasRight = find(block, '=') >= 0;
  if (hasRight && find(block, '->') >= 0) return { reason: REASONS.matching };
  const parts = split(block, '#', 3);
  const verdict = tidy(raw(parts[0])).toUpperCase();
  if (TRUE_WORDS.has(verdict) || FALSE_WORDS.has(verdict)) {
    return parseTrueFalse(TRUE_WORDS.has(verdict), parts);
  }
  if (hasRight) return { reason: REASONS.shortAnswer };
  return {
    reason: `ไม่รู้จักส่วนคำตอบ {${tidy(raw(block))}} — ใช้ =คำตอบถูก ~คำตอบผิด, ~%50%ตัวเลือก สำหรับเลือกได้หลายข้อ หรือ {T} {F} สำหรับถูก/ผิด`,
  };
}

/** `{T#feedback if wrong#feedback if right}`: Moodle's first feedback goes to whoever answered wrong. */
function parseTrueFalse(isTrue: boolean, parts: GiftText[]): AnswerBlock {
  const wrongFeedback = parts.length > 1 ? tidy(raw(parts[1])) || null : null;
  const rightFeedback = parts.length > 2 ? tidy(raw(parts[2])) || null : null;
  return {
    type: 'true_false',
    options: [
      { text: GIFT_TRUE_TEXT, weightPercent: isTrue ? 100 : 0, feedback: isTrue ? rightFeedback : wrongFeedback },
      { text: GIFT_FALSE_TEXT, weightPercent: isTrue ? 0 : 100, feedback: isTrue ? wrongFeedback : rightFeedback },
    ],
  };
}

/**
 * `=right ~wrong` is single choice. With no `=` at all, as in Moodle, it is multiple answers
 * and the weights `~%50%` of the right options must add up to 100 %.
 */
function parseChoices(block: GiftText): AnswerBlock | Rejection {
  const marks = block.flatMap((c, i) => (isSyntax(c, '~') || isSyntax(c, '=') ? [i] : []));
  const lead = tidy(raw(block.slice(0, marks[0])));
  if (lead !== '') return { reason: `ข้อความ "${lead}" ในส่วนคำตอบไม่ได้ขึ้นต้นด้วย = หรือ ~` };

  const options: GiftOption[] = [];
  let hasRightMark = false;
  let hasWeights = false;
  for (let n = 0; n < marks.length; n++) {
    const right = block[marks[n]].ch === '=';
    const parsed = parseOption(block.slice(marks[n] + 1, marks[n + 1] ?? block.length), n + 1);
    if ('reason' in parsed) return parsed;
    hasRightMark ||= right;
    hasWeights ||= parsed.weightPercent !== null;
    options.push({ text: parsed.text, weightPercent: parsed.weightPercent ?? (right ? 100 : 0), feedback: parsed.feedback });
  }
  if (options.length < 2) return { reason: REASONS.tooFewOptions };

  if (hasRightMark) {
    // A loop, not Math.max(...options): a file can hold more options than a call can take arguments.
    const best = options.reduce((max, o) => Math.max(max, o.weightPercent), -Infinity);
    if (!isFullCredit(best)) return { reason: REASONS.noFullOption };
    return { type: 'single_choice', options };
  }
  if (!hasWeights) return { reason: REASONS.noRightAnswer };
  const positive = options.reduce((sum, o) => sum + Math.max(0, o.weightPercent), 0);
  if (Math.abs(positive - 100) > FULL_CREDIT_TOLERANCE_PERCENT) {
    return {
      reason: `น้ำหนักคะแนนของตัวเลือกที่ถูก (ค่าบวก) รวมได้ ${formatPercent(positive)}% แต่ต้องรวมได้ 100% พอดี`,
    };
  }
  return { type: 'multiple_choice', options };
}

/** One answer: optional `%weight%`, its text, optional `#feedback`. */
function parseOption(
  answer: GiftText,
  position: number,
): { text: string; weightPercent: number | null; feedback: string | null } | Rejection {
  const [body, feedbackText] = split(answer, '#', 2);
  const feedback = feedbackText ? tidy(raw(feedbackText)) || null : null;
  let textStart = skipSpace(body, 0);
  let weightPercent: number | null = null;
  if (textStart < body.length && isSyntax(body[textStart], '%')) {
    const end = find(body, '%', textStart + 1);
    if (end < 0) return { reason: `ตัวเลือกที่ ${position}: น้ำหนักคะแนนขึ้นต้นด้วย % แต่ไม่มี % ปิด เช่น ~%50%คำตอบ` };
    const number = raw(body.slice(textStart + 1, end)).trim();
    if (!WEIGHT.test(number)) return { reason: `ตัวเลือกที่ ${position}: น้ำหนักคะแนน %${number}% ไม่ใช่ตัวเลข` };
    weightPercent = Number(number);
    if (weightPercent < -100 || weightPercent > 100) {
      return { reason: `ตัวเลือกที่ ${position}: น้ำหนักคะแนน ${number}% ต้องอยู่ระหว่าง -100% ถึง 100%` };
    }
    textStart = end + 1;
  }
  const text = tidy(withoutFormat(raw(body.slice(textStart))));
  if (text === '') return { reason: `ตัวเลือกที่ ${position} ไม่มีข้อความ` };
  return { text, weightPercent, feedback };
}

function lex(source: string): GiftChar[] {
  const chars = Array.from(source);
  const out: GiftChar[] = [];
  for (let i = 0; i < chars.length; i++) {
    const next = chars[i + 1];
    if (chars[i] === '\\' && next !== undefined && '~=#{}:\\n'.includes(next)) {
      out.push({ ch: next === 'n' ? '\n' : next, escaped: true });
      i += 1;
    } else {
      out.push({ ch: chars[i], escaped: false });
    }
  }
  return out;
}

function isSyntax(c: GiftChar, ch: string): boolean {
  return !c.escaped && c.ch === ch;
}

/** Index of the first unescaped occurrence of `syntax` at or after `from`, or -1. */
function find(text: GiftText, syntax: string, from = 0): number {
  for (let i = from; i + syntax.length <= text.length; i++) {
    if (isSyntaxAt(text, i, syntax)) return i;
  }
  return -1;
}

function findLast(text: GiftText, syntax: string): number {
  for (let i = text.length - syntax.length; i >= 0; i--) {
    if (isSyntaxAt(text, i, syntax)) return i;
  }
  return -1;
}

/** Whether unescaped `syntax` (ASCII) stands at `at`; a plain loop, as it runs once for every character of a file. */
function isSyntaxAt(text: GiftText, at: number, syntax: string): boolean {
  for (let j = 0; j < syntax.length; j++) {
    const c = text[at + j];
    if (c.escaped || c.ch !== syntax[j]) return false;
  }
  return true;
}

/** Splits at unescaped `separator`, into at most `limit` parts; the last part keeps any further separators. */
function split(text: GiftText, separator: string, limit: number): GiftText[] {
  const parts: GiftText[] = [];
  let rest = text;
  while (parts.length < limit - 1) {
    const at = find(rest, separator);
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + separator.length);
  }
  parts.push(rest);
  return parts;
}

function skipSpace(text: GiftText, from: number): number {
  let i = from;
  while (i < text.length && !text[i].escaped && /\s/.test(text[i].ch)) i++;
  return i;
}

function raw(text: GiftText): string {
  return text.map((c) => c.ch).join('');
}

function withoutFormat(value: string): string {
  return value.trimStart().replace(FORMAT_MARKER, '');
}

/** Trims every line and the whole, keeping the line breaks of a multi-line text. */
function tidy(value: string): string {
  return value
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

function formatPercent(value: number): string {
  return String(Math.round(value * 100) / 100);
}
