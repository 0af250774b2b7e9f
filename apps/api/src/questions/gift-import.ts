import type { GiftImportPreview } from '@sujarit/contracts';
import { GIFT_FALSE_TEXT, GIFT_TRUE_TEXT, parseGift } from '@sujarit/domain';
import { DomainError } from '../common/domain.error';

/** The default topic of questions that come before any `$CATEGORY` line. */
const NO_TOPIC = 'ทั่วไป';

/**
 * Reads a GIFT file (as Moodle exports it) into questions the bank can store today: single choice
 * with one right answer, and true/false. Everything else is reported with its line and a Thai reason.
 */
export function previewGift(file: { buffer: Buffer; originalname: string }): GiftImportPreview {
  const text = file.buffer.toString('utf8');
  if (text.includes('\ufffd')) throw new DomainError('IMPORT_FILE_INVALID', 'ไฟล์ GIFT ต้องบันทึกเป็น UTF-8');
  const parsed = parseGift(text);
  const preview: GiftImportPreview = { questions: [], errors: [...parsed.errors] };
  for (const q of parsed.questions) {
    if (q.type === 'multiple_choice') {
      preview.errors.push({ line: q.firstLine, title: q.title, reason: 'คำถามแบบเลือกได้หลายคำตอบยังเก็บในคลังข้อสอบไม่ได้' });
      continue;
    }
    const right = q.options.filter((o) => o.weightPercent === 100);
    if (right.length !== 1 || q.options.some((o) => o.weightPercent !== 100 && o.weightPercent !== 0)) {
      preview.errors.push({ line: q.firstLine, title: q.title, reason: 'คลังข้อสอบรองรับเฉพาะคำถามที่มีคำตอบถูกข้อเดียว (ไม่มีคะแนนบางส่วน)' });
      continue;
    }
    const options = q.type === 'true_false' ? [GIFT_TRUE_TEXT, GIFT_FALSE_TEXT] : q.options.map((o) => o.text);
    preview.questions.push({
      line: q.firstLine,
      topic: q.topic ?? NO_TOPIC,
      type: q.type,
      stem: q.stem,
      options,
      correctIndex: q.type === 'true_false' ? (q.options[0].weightPercent === 100 ? 0 : 1) : q.options.indexOf(right[0]),
      explanation: q.explanation ?? '',
    });
  }
  preview.errors.sort((a, b) => a.line - b.line);
  return preview;
}
