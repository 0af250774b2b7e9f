import { EnrolmentListSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { holdPolling, showEnrolments } from './enrolment-keys';

/** A seat if there is one, otherwise the waitlist; 409 ALREADY_ENROLLED when the person is on the list. */
export const enrolPerson = ({ sessionId, personId }: { sessionId: string; personId: string }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/enrolments`, EnrolmentListSchema, {
    method: 'POST',
    body: { personId },
  });

export function useEnrolPerson(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => enrolPerson({ sessionId, personId }),
    onMutate: () => holdPolling(queryClient, sessionId),
    onSuccess: (list) => showEnrolments(queryClient, sessionId, list),
  });
}
