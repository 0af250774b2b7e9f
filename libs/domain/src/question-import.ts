/**
 * What every question-bank import (GIFT, Moodle XML, CSV) reads a file into, before the API checks each
 * question against the request contract and the organizer confirms. Reading never throws on a bad question:
 * it is reported with where it is and a reason in Thai, and the others still import.
 */
import { GiftOption, parseGift } from './gift';
import { isFullCredit, type QuestionType } from './scoring';

/** The topic of questions whose file names none (GIFT before any `$CATEGORY`, a blank CSV cell). */
export const DEFAULT_TOPIC = 'ทั่วไป';

export interface ImportedOption {
  text: string;
  /** Percent of the question's points: 100 right, 0 wrong, negative a penalty, in between partial credit. */
  weight: number;
}

export interface ImportedQuestion {
  /** GIFT: the line it starts on; CSV: its row as Excel numbers it; Moodle XML: its number among the questions. */
  position: number;
  /** The question's name in the file, if it has one, to help find it. */
  title: string | null;
  topic: string;
  type: QuestionType;
  stem: string;
  /** Empty for a Likert item: the bank gives it the five levels. */
  options: ImportedOption[];
  explanation: string;
  /** Whole points when the file says; left out means the bank's default. */
  points?: number;
}

export interface ImportProblem {
  position: number;
  title: string | null;
  reason: string;
}

export interface ImportReading {
  questions: ImportedQuestion[];
  errors: ImportProblem[];
}

/** A GIFT file as the bank stores it: every question type GIFT has that the bank has, with its weights. */
export function readGiftQuestions(source: string): ImportReading {
  const parsed = parseGift(source);
  return {
    questions: parsed.questions.map((q) => ({
      position: q.firstLine,
      title: q.title,
      topic: q.topic ?? DEFAULT_TOPIC,
      type: q.type,
      stem: q.stem,
      // True/false options are already ถูก and ผิด, true first.
      options: q.options.map((o) => ({ text: o.text, weight: o.weightPercent })),
      explanation: explanationOf(q.explanation, q.options),
    })),
    errors: parsed.errors.map((e) => ({ position: e.line, title: e.title, reason: e.reason })),
  };
}

/**
 * The bank keeps one explanation per question: the general feedback, or when there is none, what the file
 * tells whoever chose a fully right answer (authors often put the explanation there). Other feedback is dropped.
 */
export function explanationOf(general: string | null, options: readonly Pick<GiftOption, 'weightPercent' | 'feedback'>[]): string {
  if (general) return general;
  const right = options.filter((o) => isFullCredit(o.weightPercent) && o.feedback);
  return [...new Set(right.map((o) => o.feedback as string))].join('\n');
}

/** Points from a file's grade: whole, 1 to 10; null when the grade is not a number at all. */
export function pointsFromGrade(grade: string): number | null {
  const value = Number(grade.trim());
  if (grade.trim() === '' || !Number.isFinite(value)) return null;
  return Math.min(10, Math.max(1, Math.round(value)));
}
