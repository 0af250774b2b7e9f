import { DuplicatePeopleSchema, MergePeopleResultSchema, type MergePeopleRequest } from '@sujarit/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { peopleKeys } from './people-keys';

/** Session pages and the indicators list and count people: a merge changes both. */
const SESSIONS_QUERY_KEY = ['sessions'] as const;
const ENROLMENTS_QUERY_KEY = ['enrolments'] as const;
const INDICATORS_QUERY_KEY = ['indicators'] as const;

export const fetchDuplicatePeople = (signal?: AbortSignal) => apiRequest('/people/duplicates', DuplicatePeopleSchema, { signal });

export const useDuplicatePeople = () => useQuery({ queryKey: peopleKeys.duplicates, queryFn: ({ signal }) => fetchDuplicatePeople(signal) });

export const mergePeople = (request: MergePeopleRequest) =>
  apiRequest('/people/merge', MergePeopleResultSchema, { method: 'POST', body: request });

export function useMergePeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergePeople,
    onSuccess: () => {
      for (const queryKey of [peopleKeys.all, SESSIONS_QUERY_KEY, ENROLMENTS_QUERY_KEY, INDICATORS_QUERY_KEY]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}
