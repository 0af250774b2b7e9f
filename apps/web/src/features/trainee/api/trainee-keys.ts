export const traineeKeys = {
  session: (code: string) => ['trainee', code, 'session'] as const,
  attempt: (code: string, assessmentId: string, attemptNumber: number) =>
    ['trainee', code, 'attempt', assessmentId, attemptNumber] as const,
  review: (code: string, attemptId: string) => ['trainee', code, 'review', attemptId] as const,
};

/** How often the trainee's page asks whether the organizer has opened the next test. */
export const TRAINEE_POLL_MS = 5_000;

/** The API takes codes in capitals; people type them any way. */
export const normalizeJoinCode = (code: string) => code.trim().toUpperCase();

/** Where a trainee takes one test or survey; `attempt` picks a retake, and without it the page finds the current one. */
export const testPath = (code: string, assessmentId: string, attemptNumber?: number) =>
  `/j/${code}/test/${assessmentId}${attemptNumber ? `?attempt=${attemptNumber}` : ''}`;

export const reviewPath = (code: string, attemptId: string) => `/j/${code}/review/${attemptId}`;
