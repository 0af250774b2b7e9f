import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import type { AssessmentRef } from './open-assessment';
import { sessionKeys } from './session-keys';

export const closeAssessment = ({ assessmentId }: AssessmentRef) =>
  apiCommand(`/assessments/${encodeURIComponent(assessmentId)}/close`, { method: 'POST' });

export function useCloseAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeAssessment,
    onSuccess: (_none, { sessionId, assessmentId }) => {
      // Closing scores every unfinished attempt, so the attendees' percents change too.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(sessionId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(assessmentId) });
    },
  });
}
