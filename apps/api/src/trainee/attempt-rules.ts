/** What a trainee may do and see of a test at a given time: deadlines, scores, the review, starting and saving. */
import { earnedPercent, type ScoringKey } from '@sujarit/domain';
import type { Assessment } from '../assessments/assessment.entity';
import { assessmentState, effectiveDeadline } from '../assessments/assessment-state';
import type { Attempt } from '../attempts/attempt.entity';
import { conflict } from '../common/domain.error';

/** The deadline an attempt gets when it starts: its time limit, cut short by the test's closing time. */
export function firstDeadline(assessment: Assessment, now: Date): Date | null {
  const limit = assessment.timeLimitMinutes ? new Date(now.getTime() + assessment.timeLimitMinutes * 60_000) : null;
  return effectiveDeadline(limit, assessment);
}

/** A score as the trainee may see it now: per the test's settings, and never for a survey. */
export function visibleScore(assessment: Assessment, attempt: Attempt, now: Date) {
  const hidden = { score: null, maxScore: null, percent: null };
  if (assessment.kind === 'survey' || !attempt.submittedAt) return hidden;
  const shown =
    assessment.resultsVisibility === 'on_submit' ||
    (assessment.resultsVisibility === 'after_close' && assessmentState(assessment, now) === 'closed');
  return shown ? { score: attempt.score, maxScore: attempt.maxScore, percent: attempt.percent } : hidden;
}

/** Right answers show only for a finished attempt of a closed test whose settings show the review. */
export function reviewAvailable(assessment: Assessment, attempt: Attempt, now: Date): boolean {
  return (
    assessment.kind !== 'survey' &&
    assessment.reviewVisibility === 'after_close' &&
    attempt.submittedAt !== null &&
    assessmentState(assessment, now) === 'closed'
  );
}

export function isRightOption(key: ScoringKey, optionId: string): boolean {
  if (key.type === 'likert') return false;
  return earnedPercent(key, [optionId]) > 0 || key.correctOptionIds.includes(optionId);
}

/** Starting a new attempt needs the test open now. */
export function requireOpen(assessment: Assessment, now: Date) {
  const state = assessmentState(assessment, now);
  if (state === 'open') return;
  const message =
    state === 'draft'
      ? 'แบบทดสอบยังไม่เปิด กรุณารอผู้จัดการอบรม'
      : state === 'scheduled'
        ? `แบบทดสอบจะเปิดให้ทำ ${formatThaiDateTime(assessment.opensAt as Date)}`
        : 'แบบทดสอบปิดแล้ว';
  throw conflict('ASSESSMENT_NOT_OPEN', message);
}

/** Saving an answer needs the test open; an attempt already started keeps going until its own deadline. */
export function requireAnswerable(assessment: Assessment, now: Date) {
  if (assessment.status !== 'open') requireOpen(assessment, now);
}

export function formatThaiDateTime(at: Date): string {
  return `${new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at)} น.`;
}
