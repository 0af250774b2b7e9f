import { SessionSchema, type AssessmentKind } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const closeAssessment = ({ sessionId, kind }: { sessionId: string; kind: AssessmentKind }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/assessments/${kind}/close`, SessionSchema, { method: 'POST' });

export function useCloseAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeAssessment,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      // Closing scores every unfinished attempt, so the attendees' percents change.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.attendees(session.id) });
    },
  });
}
