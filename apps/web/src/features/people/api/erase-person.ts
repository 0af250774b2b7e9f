import { PersonSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { peopleKeys } from './people-keys';

/** Session pages list people by name: their enrolment lists must show the erasure too. */
const SESSIONS_QUERY_KEY = ['sessions'] as const;
const ENROLMENTS_QUERY_KEY = ['enrolments'] as const;

/** PDPA erasure on request: irreversible; the person's attendance and scores stay in the figures without a name. */
export const erasePerson = (personId: string) =>
  apiRequest(`/people/${encodeURIComponent(personId)}/erase`, PersonSchema, { method: 'POST' });

export function useErasePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: erasePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ENROLMENTS_QUERY_KEY });
    },
  });
}
