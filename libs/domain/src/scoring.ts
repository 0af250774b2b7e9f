/** Scoring of a submitted attempt. Runs on the server only: answer keys never reach a trainee. */

import { isFullCredit, type QuestionType } from '@sujarit/contracts';

/** The kinds of question and the full-credit rule are the contracts' (the form checks them too); re-exported for the domain's users. */
export { FULL_CREDIT_TOLERANCE_PERCENT, isFullCredit, type QuestionType } from '@sujarit/contracts';

export interface ScoringKey {
  questionId: string;
  type: QuestionType;
  /** Options worth full points; ignored when optionWeights is given. */
  correctOptionIds: readonly string[];
  /**
   * Percent of the points each option is worth, as Moodle weighs answers; negative for a penalty.
   * An option not listed is worth 0. When present it replaces correctOptionIds.
   */
  optionWeights?: Readonly<Record<string, number>>;
  points: number;
}

/** Option ids chosen per question id; a question left out was not answered. */
export type AnswerSheet = Readonly<Record<string, readonly string[]>>;

export interface AttemptScore {
  score: number;
  maxScore: number;
  /** score / maxScore × 100, rounded to two decimals; 0 when the test has no points. */
  percent: number;
  /** Questions that earned their full points. */
  correctCount: number;
}

export function scoreAttempt(keys: readonly ScoringKey[], answers: AnswerSheet): AttemptScore {
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  for (const key of keys) {
    if (key.type === 'likert') continue;
    maxScore += key.points;
    const chosen = answers[key.questionId] ?? [];
    // Each question is rounded before adding, so the points shown per question add up to the total.
    score += questionScore(key, chosen);
    if (earnedPercent(key, chosen) === 100) correctCount += 1;
  }
  score = roundTo2(score);
  return { score, maxScore, percent: toPercent(score, maxScore), correctCount };
}

/** Points earned on one question, rounded to two decimals; always 0 for a Likert item. */
export function questionScore(key: ScoringKey, chosen: readonly string[]): number {
  if (key.type === 'likert') return 0;
  return roundTo2(key.points * (earnedPercent(key, chosen) / 100));
}

/**
 * Percent of a question's points earned by the chosen options, between 0 and 100.
 * Multiple choice adds the weights of the options chosen (Moodle's partial credit), never below 0 nor above 100.
 * Single choice and true/false take exactly one option and earn its weight; anything else earns nothing.
 */
export function earnedPercent(key: ScoringKey, chosen: readonly string[]): number {
  if (key.type === 'likert') return 0;
  if (key.type === 'multiple_choice') {
    // Choosing an option twice must not count it twice.
    const sum = [...new Set(chosen)].reduce((total, id) => total + optionWeight(key, id), 0);
    return clampPercent(sum);
  }
  if (chosen.length !== 1) return 0;
  return clampPercent(optionWeight(key, chosen[0]));
}

/** Whether a review marks an option as right: it earns something on its own, or it is in the key. Never on a Likert item. */
export function isRightOption(key: ScoringKey, optionId: string): boolean {
  if (key.type === 'likert') return false;
  return earnedPercent(key, [optionId]) > 0 || key.correctOptionIds.includes(optionId);
}

function optionWeight(key: ScoringKey, optionId: string): number {
  if (key.optionWeights) return key.optionWeights[optionId] ?? 0;
  const right = key.correctOptionIds.includes(optionId);
  if (key.type !== 'multiple_choice') return right ? 100 : 0;
  // Without weights, the right options share 100 % and each wrong one takes back as much as a right one gives,
  // so ticking every box is not a way to full marks.
  const share = key.correctOptionIds.length === 0 ? 0 : 100 / key.correctOptionIds.length;
  return right ? share : -share;
}

function clampPercent(sum: number): number {
  if (isFullCredit(sum)) return 100;
  return Math.max(0, sum);
}

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function toPercent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 10000) / 100;
}
