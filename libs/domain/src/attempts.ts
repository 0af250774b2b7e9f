/**
 * The rules of a test's window and of an attempt's time, order and results, over plain data: the server keeps
 * time and applies them; nothing here reads a clock or a database.
 */
import type { AssessmentKind, AssessmentState, AssessmentStatus, FinishReason, ResultsVisibility, ReviewVisibility } from '@sujarit/contracts';

/** Answers still arrive this long after a deadline: a weak line or a slow phone must not cost the last answer. */
export const DEADLINE_GRACE_SECONDS = 30;

/** What the organizer set on a test and its window. */
export interface TestWindow {
  status: AssessmentStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** What a trainee meets at `now`: the organizer's status narrowed by the window. */
export function testState(test: TestWindow, now: Date): AssessmentState {
  if (test.status === 'draft' || test.status === 'closed') return test.status;
  if (test.closesAt && now >= test.closesAt) return 'closed';
  if (test.opensAt && now < test.opensAt) return 'scheduled';
  return 'open';
}

/** An attempt's deadline: its own (the time limit from its start) or the test's closing time, whichever is first. */
export function effectiveDeadline(attemptDeadline: Date | null, closesAt: Date | null): Date | null {
  if (attemptDeadline === null) return closesAt;
  if (closesAt === null) return attemptDeadline;
  return attemptDeadline <= closesAt ? attemptDeadline : closesAt;
}

/** The deadline an attempt gets when it starts: its time limit from `startedAt`, cut short by the closing time. */
export function firstDeadline(test: { timeLimitMinutes: number | null; closesAt: Date | null }, startedAt: Date): Date | null {
  const limit = test.timeLimitMinutes ? new Date(startedAt.getTime() + test.timeLimitMinutes * 60_000) : null;
  return effectiveDeadline(limit, test.closesAt);
}

/** The last instant answers are taken: the deadline plus its grace; null when there is no deadline. */
export function answersTakenUntil(deadline: Date | null): Date | null {
  return deadline === null ? null : new Date(deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000);
}

/** Whether `now` is past a deadline and its grace. */
export function isPastGrace(deadline: Date | null, now: Date): boolean {
  const until = answersTakenUntil(deadline);
  return until !== null && now > until;
}

/** An attempt's times as stored: its own deadline, and when and why it ended (null while open). */
export interface AttemptTimes {
  deadlineAt: Date | null;
  submittedAt: Date | null;
  finishReason: FinishReason | null;
}

/** How an attempt ended, or null while it is still open. */
export interface AttemptEnd {
  at: Date;
  reason: FinishReason;
  /** False for an attempt past its deadline and grace that nobody has written down as finished yet. */
  recorded: boolean;
}

/**
 * How an attempt stands at `now`: ended as recorded, or ended by its deadline once the deadline and its grace have
 * passed (at the deadline, with the answers it saved), even before anyone writes that down.
 */
export function attemptEnd(attempt: AttemptTimes, test: { closesAt: Date | null }, now: Date): AttemptEnd | null {
  if (attempt.submittedAt !== null) return { at: attempt.submittedAt, reason: attempt.finishReason ?? 'submitted', recorded: true };
  const deadline = effectiveDeadline(attempt.deadlineAt, test.closesAt);
  if (deadline !== null && isPastGrace(deadline, now)) return { at: deadline, reason: 'deadline', recorded: false };
  return null;
}

/** A finished attempt's score, as stored or as worked out. */
export interface AttemptScoreFields {
  score: number | null;
  maxScore: number | null;
  percent: number | null;
}

const HIDDEN_SCORE: AttemptScoreFields = { score: null, maxScore: null, percent: null };

/** A score as the trainee may see it now: per the test's settings, only once the attempt ended, never for a survey. */
export function visibleScore(
  test: TestWindow & { kind: AssessmentKind; resultsVisibility: ResultsVisibility },
  attempt: AttemptScoreFields & { ended: boolean },
  now: Date,
): AttemptScoreFields {
  if (test.kind === 'survey' || !attempt.ended) return HIDDEN_SCORE;
  const shown = test.resultsVisibility === 'on_submit' || (test.resultsVisibility === 'after_close' && testState(test, now) === 'closed');
  return shown ? { score: attempt.score, maxScore: attempt.maxScore, percent: attempt.percent } : HIDDEN_SCORE;
}

/** What a shown score means: pass or not against the mark, and for a post-test the move from the pre-test. */
export interface ScoreMeaning {
  passed: boolean | null;
  prePercent: number | null;
  changeSincePrePoints: number | null;
}

const NO_MEANING: ScoreMeaning = { passed: null, prePercent: null, changeSincePrePoints: null };

/**
 * The meaning of a score the trainee may see (`shownPercent`, null while hidden): passed when it reaches the pass
 * mark (≥, as the indicator counts), and after a post-test the change in percentage points from `prePercent` (the
 * person's counting pre-test, null when none may be shown), to two decimals. Nothing for a survey or a hidden score.
 */
export function scoreMeaning(kind: AssessmentKind, shownPercent: number | null, passMarkPercent: number, prePercent: number | null): ScoreMeaning {
  if (kind === 'survey' || shownPercent === null) return NO_MEANING;
  const pre = kind === 'post_test' ? prePercent : null;
  return {
    passed: shownPercent >= passMarkPercent,
    prePercent: pre,
    changeSincePrePoints: pre === null ? null : Math.round((shownPercent - pre) * 100) / 100,
  };
}

/** Right answers show only for an ended attempt of a closed test whose settings show the review. */
export function reviewAvailable(
  test: TestWindow & { kind: AssessmentKind; reviewVisibility: ReviewVisibility },
  attempt: { ended: boolean },
  now: Date,
): boolean {
  return test.kind !== 'survey' && test.reviewVisibility === 'after_close' && attempt.ended && testState(test, now) === 'closed';
}

/** The order one attempt shows: its questions, and each question's options. */
export interface AttemptOrder {
  questionOrder: string[];
  optionOrder: Record<string, string[]>;
}

/**
 * A new attempt's order: the test's questions, shuffled when the test says so, and each choice question's options,
 * shuffled when it says so (true/false and Likert scales keep their natural order). `shuffle` is the source of
 * chance (the server's is cryptographic); it returns a new array.
 */
export function attemptOrder(
  test: { questionIds: readonly string[]; shuffleQuestions: boolean; shuffleOptions: boolean },
  questions: readonly { id: string; type: string; options: readonly { id: string }[] }[],
  shuffle: <T>(items: readonly T[]) => T[],
): AttemptOrder {
  const questionOrder = test.shuffleQuestions ? shuffle(test.questionIds) : [...test.questionIds];
  const optionOrder: Record<string, string[]> = {};
  for (const q of questions) {
    const ids = q.options.map((o) => o.id);
    const shuffled = test.shuffleOptions && (q.type === 'single_choice' || q.type === 'multiple_choice');
    optionOrder[q.id] = shuffled ? shuffle(ids) : ids;
  }
  return { questionOrder, optionOrder };
}

/**
 * The attempt's questions, each with its options, in the order this attempt shows them. An attempt without an order
 * of its own (started before orders were kept) shows the test's order; a question or option it does not know is left out.
 */
export function inAttemptOrder<Q extends { id: string; options: readonly { id: string }[] }>(
  order: AttemptOrder,
  testQuestionIds: readonly string[],
  questions: readonly Q[],
): { question: Q; options: Q['options'][number][] }[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const ids = order.questionOrder.length > 0 ? order.questionOrder : testQuestionIds;
  return ids.flatMap((id) => {
    const question = byId.get(id);
    if (!question) return [];
    const optionIds = order.optionOrder[id] ?? question.options.map((o) => o.id);
    const options = optionIds.flatMap((optionId) => question.options.filter((o) => o.id === optionId));
    return [{ question, options }];
  });
}

/** A person's ended attempt at a pre- or post-test (or survey, which never counts toward a score). */
export interface EndedScore {
  kind: AssessmentKind;
  endedAt: Date;
  percent: number | null;
}

/** The scores that count for a person: their first pre-test (where they started), their best post-test (whether they reached the mark). */
export interface CountingScores {
  prePercent: number | null;
  postPercent: number | null;
}

/**
 * Which attempts count, wherever a person's pre and post scores are shown (attendees, enrolments, the indicator):
 * the first ended pre-test and the best ended post-test. Attempts still open do not count; pass only ended ones.
 */
export function countingScores(attempts: readonly EndedScore[]): CountingScores {
  const { pre, post } = countingAttempts(attempts);
  return { prePercent: pre?.percent ?? null, postPercent: post?.percent ?? null };
}

/**
 * The attempts themselves that countingScores counts: the first ended pre-test, and the best ended post-test (the
 * earlier one on a tie, as the item analysis takes it). Attempts without a score are never chosen.
 */
export function countingAttempts<T extends EndedScore>(attempts: readonly T[]): { pre: T | null; post: T | null } {
  let pre: T | null = null;
  let post: T | null = null;
  for (const attempt of attempts) {
    if (attempt.percent === null) continue;
    if (attempt.kind === 'pre_test' && (pre === null || attempt.endedAt < pre.endedAt)) pre = attempt;
    if (
      attempt.kind === 'post_test' &&
      (post === null ||
        attempt.percent > (post.percent as number) ||
        (attempt.percent === post.percent && attempt.endedAt < post.endedAt))
    ) {
      post = attempt;
    }
  }
  return { pre, post };
}

/** The attempt of a survey that speaks for a person: their latest ended one (a retake replaces the earlier answers). */
export function countingSurveyAttempt<T extends { attemptNumber: number }>(endedAttempts: readonly T[]): T | null {
  let latest: T | null = null;
  for (const attempt of endedAttempts) if (latest === null || attempt.attemptNumber > latest.attemptNumber) latest = attempt;
  return latest;
}
