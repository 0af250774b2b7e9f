/** Scoring of a submitted attempt. Runs on the server only: answer keys never reach a trainee. */

export type ScoredQuestionType = 'single_choice' | 'true_false';

export interface ScoringKey {
  questionId: string;
  type: ScoredQuestionType;
  correctOptionIds: readonly string[];
  points: number;
}

/** Option ids chosen per question id; a question left out was not answered. */
export type AnswerSheet = Readonly<Record<string, readonly string[]>>;

export interface AttemptScore {
  score: number;
  maxScore: number;
  /** score / maxScore × 100, rounded to two decimals; 0 when the test has no points. */
  percent: number;
  correctCount: number;
}

export function scoreAttempt(keys: readonly ScoringKey[], answers: AnswerSheet): AttemptScore {
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  for (const key of keys) {
    maxScore += key.points;
    const chosen = answers[key.questionId] ?? [];
    // Single choice and true/false take exactly one option; anything else is wrong.
    if (chosen.length === 1 && key.correctOptionIds.includes(chosen[0])) {
      score += key.points;
      correctCount += 1;
    }
  }
  return { score, maxScore, percent: toPercent(score, maxScore), correctCount };
}

export function toPercent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 10000) / 100;
}
