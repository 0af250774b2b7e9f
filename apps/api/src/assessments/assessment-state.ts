import { DEADLINE_GRACE_SECONDS, type AssessmentState } from '@sujarit/contracts';
import type { Assessment } from './assessment.entity';

/** What a trainee meets at `now`: the organizer's status narrowed by the window. */
export function assessmentState(assessment: Assessment, now: Date): AssessmentState {
  if (assessment.status === 'draft' || assessment.status === 'closed') return assessment.status;
  if (assessment.closesAt && now >= assessment.closesAt) return 'closed';
  if (assessment.opensAt && now < assessment.opensAt) return 'scheduled';
  return 'open';
}

/** The deadline of an attempt at `now`: its own (time limit) or the test's closing time, whichever is first. */
export function effectiveDeadline(attemptDeadline: Date | null, assessment: Assessment): Date | null {
  const times = [attemptDeadline, assessment.closesAt].filter((d): d is Date => d !== null);
  if (times.length === 0) return null;
  return new Date(Math.min(...times.map((d) => d.getTime())));
}

/** Answers still arrive this long after a deadline: a weak line or a slow phone must not cost the last answer. */
export function pastGrace(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000;
}
