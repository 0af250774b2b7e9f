import type { EnrolmentList, ImportResult } from '@sujarit/contracts';
import type { QueryClient } from '@tanstack/react-query';

/** Query keys of this feature; every one starts with 'enrolments' so one invalidation reaches all. */
export const enrolmentKeys = {
  all: ['enrolments'] as const,
  ofSession: (sessionId: string) => ['enrolments', 'session', sessionId] as const,
};

/** The check-in list is watched live, like the rest of the session page, while people arrive. */
export const LIVE_REFETCH_MS = 5_000;

/*
 * Other features' keys, kept as literals: the session page's header counts who attended, and the
 * registry gains the people an import adds.
 */
const sessionDetailKey = (sessionId: string) => ['sessions', 'detail', sessionId] as const;
const PEOPLE_QUERY_KEY = ['people'] as const;

/** Before a change: a poll already on its way must not overwrite the answer the change brings. */
export const holdPolling = (queryClient: QueryClient, sessionId: string) =>
  queryClient.cancelQueries({ queryKey: enrolmentKeys.ofSession(sessionId) });

/** After a change that answered with the whole list: show it at once, and let the session's figures catch up. */
export function showEnrolments(queryClient: QueryClient, sessionId: string, list: EnrolmentList) {
  queryClient.setQueryData(enrolmentKeys.ofSession(sessionId), list);
  void queryClient.invalidateQueries({ queryKey: sessionDetailKey(sessionId) });
}

/** After an import, which answers with counts only. */
export function refetchAfterImport(queryClient: QueryClient, sessionId: string, result: ImportResult) {
  void queryClient.invalidateQueries({ queryKey: enrolmentKeys.ofSession(sessionId) });
  void queryClient.invalidateQueries({ queryKey: sessionDetailKey(sessionId) });
  if (result.newPeople > 0) void queryClient.invalidateQueries({ queryKey: PEOPLE_QUERY_KEY });
}
