import { PersonSchema, type UpdatePersonRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { peopleKeys } from './people-keys';

/** Session pages list people by name: their enrolment lists must show the correction too. */
const SESSIONS_QUERY_KEY = ['sessions'] as const;
const ENROLMENTS_QUERY_KEY = ['enrolments'] as const;

/** Corrects a person's details; the whole record is sent, checked by the same rules as adding one. */
export const updatePerson = ({ personId, request }: { personId: string; request: UpdatePersonRequest }) =>
  apiRequest(`/people/${encodeURIComponent(personId)}`, PersonSchema, { method: 'PATCH', body: request });

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ENROLMENTS_QUERY_KEY });
    },
  });
}
