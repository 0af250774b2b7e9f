import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import type { AssessmentRef } from './open-assessment';
import { sessionKeys } from './session-keys';

/** Only a survey nobody has started can go; the API refuses the rest with a reason. */
export const deleteAssessment = ({ assessmentId }: AssessmentRef) =>
  apiCommand(`/assessments/${encodeURIComponent(assessmentId)}`, { method: 'DELETE' });

export function useDeleteAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAssessment,
    onSuccess: (_none, { sessionId, assessmentId }) => {
      queryClient.removeQueries({ queryKey: sessionKeys.assessment(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(sessionId), exact: true });
    },
  });
}
