/** Query keys of this feature; every session query starts with 'sessions' so one invalidation reaches all. */
export const sessionKeys = {
  all: ['sessions'] as const,
  lists: ['sessions', 'list'] as const,
  list: (filter: { programId?: string; fiscalYear?: number }) => ['sessions', 'list', filter] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  /** The projector's counts; under the session, so refreshing the session refreshes them too. */
  live: (id: string) => ['sessions', 'detail', id, 'live'] as const,
  attendees: (id: string) => ['sessions', 'detail', id, 'attendees'] as const,
  assessment: (id: string) => ['sessions', 'assessment', id] as const,
  /** A survey's answers item by item; under the assessment, so refreshing a survey refreshes its results too. */
  surveyResults: (id: string) => ['sessions', 'assessment', id, 'survey-results'] as const,
  /** A test's item analysis; under the assessment like the survey's results. */
  itemAnalysis: (id: string) => ['sessions', 'assessment', id, 'item-analysis'] as const,
  /** The program's bank as the test settings pick from it (this feature's own copy, not the bank page's). */
  bank: (programId: string) => ['sessions', 'bank', programId] as const,
};

/** The session page is watched live while people join and answer. */
export const LIVE_REFETCH_MS = 5_000;

/** The projector follows the phones within about two seconds (one small counting query each time). */
export const PROJECTOR_REFETCH_MS = 2_000;

/** The plan feature's key, kept as a literal: a session's expenses count against its program's budget there. */
export const PLAN_QUERY_KEY = ['plan'] as const;

/** The programs feature's key, kept as a literal: program cards count a year's sessions. */
export const PROGRAMS_QUERY_KEY = ['programs'] as const;
