/**
 * A bank written out as GIFT, which Moodle and Sujarit's own import read back. GIFT has neither points
 * nor Likert items: points come back as 1, and Likert items are left out (the CSV export keeps both).
 */
import { isFullCredit, type QuestionType } from './scoring';

export interface ExportedQuestion {
  topic: string;
  type: QuestionType;
  stem: string;
  /** Every option with its weight in percent; ignored for a Likert item. */
  options: readonly { text: string; weight: number }[];
  explanation: string;
  points: number;
}

const FORMAT_MARKER = /^\[(html|moodle|markdown|plain)\]/i;

/** The whole file: a comment heading, then each topic's `$CATEGORY` and its questions, in bank order. */
export function writeGift(questions: readonly ExportedQuestion[], heading: readonly string[] = []): string {
  const blocks: string[] = heading.map((line) => `// ${line.replace(/\r?\n/g, ' ')}`);
  const skipped = questions.filter((q) => q.type === 'likert').length;
  if (skipped > 0) blocks.push(`// ข้อความแบบมาตราส่วน 5 ระดับ ${skipped} ข้อไม่อยู่ในไฟล์นี้ เพราะ GIFT ไม่มีคำถามชนิดนี้ (ใช้ไฟล์ CSV แทน)`);
  if (blocks.length > 0) blocks.push('');
  let topic: string | null = null;
  for (const q of questions) {
    if (q.type === 'likert') continue;
    if (q.topic !== topic) {
      topic = q.topic;
      blocks.push(`$CATEGORY: $course$/top/${q.topic.replace(/\//g, '//')}`, '');
    }
    blocks.push(giftQuestion(q), '');
  }
  return blocks.join('\n');
}

function giftQuestion(q: ExportedQuestion): string {
  const lines = [`${text(q.stem)} {`];
  if (q.type === 'true_false') {
    lines.push(isFullCredit(q.options[0]?.weight ?? 0) ? 'T' : 'F');
  } else {
    for (const option of q.options) lines.push(answer(q.type, option));
  }
  if (q.explanation) lines.push(`####${escapeGift(q.explanation)}`);
  lines.push('}');
  return lines.join('\n');
}

/** `=right` in a single choice; `~%weight%text` for partial credit, penalties and every multiple-choice weight. */
function answer(type: QuestionType, option: { text: string; weight: number }): string {
  if (type === 'single_choice' && isFullCredit(option.weight)) return `=${text(option.text)}`;
  if (option.weight === 0) return `~${text(option.text)}`;
  return `~%${formatWeight(option.weight)}%${text(option.text)}`;
}

/**
 * Escaped text that reads back as itself. A leading `[html]` would be taken for a format marker and a leading
 * `//` for a comment line, so such text is put behind a `[plain]` marker, which the reader drops.
 */
function text(value: string): string {
  const escaped = escapeGift(value);
  return FORMAT_MARKER.test(value) || value.startsWith('//') ? `[plain]${escaped}` : escaped;
}

/** GIFT's special characters `~ = # { } :` and the backslash are escaped; line breaks become `\n`. */
export function escapeGift(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}


export function formatWeight(weight: number): string {
  return String(Math.round(weight * 100000) / 100000);
}
