import { AssessmentDetailSchema, type AssessmentSettings } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const updateAssessment = ({ assessmentId, settings }: { assessmentId: string; settings: AssessmentSettings }) =>
  apiRequest(`/assessments/${encodeURIComponent(assessmentId)}`, AssessmentDetailSchema, { method: 'PUT', body: settings });

export function useUpdateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAssessment,
    onSuccess: (detail) => {
      queryClient.setQueryData(sessionKeys.assessment(detail.id), detail);
      // The session page lists every test with its title, window and question count.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(detail.sessionId), exact: true });
    },
    onError: (_error, { assessmentId }) => {
      // Someone may have started meanwhile (the questions are then locked): show the test as it now is.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.assessment(assessmentId) });
    },
  });
}
