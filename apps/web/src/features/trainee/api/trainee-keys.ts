import type { AssessmentKind } from '@sujarit/contracts';

export const traineeKeys = {
  session: (code: string) => ['trainee', code, 'session'] as const,
  attempt: (code: string, kind: AssessmentKind) => ['trainee', code, 'attempt', kind] as const,
};

/** How often the trainee's page asks whether the organizer has opened the next test. */
export const TRAINEE_POLL_MS = 5_000;

/** The API takes codes in capitals; people type them any way. */
export const normalizeJoinCode = (code: string) => code.trim().toUpperCase();
