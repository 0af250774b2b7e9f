import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import { PROGRAMS_QUERY_KEY, sessionKeys } from './session-keys';

export interface AssessmentRef {
  assessmentId: string;
  sessionId: string;
}

export const openAssessment = ({ assessmentId }: AssessmentRef) =>
  apiCommand(`/assessments/${encodeURIComponent(assessmentId)}/open`, { method: 'POST' });

export function useOpenAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openAssessment,
    onSuccess: (_none, { sessionId, assessmentId }) => {
      // Opening a test also moves a scheduled session to open, which the lists show.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(sessionId), exact: true });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.live(sessionId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists });
      void queryClient.invalidateQueries({ queryKey: PROGRAMS_QUERY_KEY });
    },
  });
}
