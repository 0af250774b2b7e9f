import { AssessmentDetailSchema, type CreateSurveyRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const createSurvey = ({ sessionId, survey }: { sessionId: string; survey: CreateSurveyRequest }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/assessments`, AssessmentDetailSchema, {
    method: 'POST',
    body: survey,
  });

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSurvey,
    onSuccess: (detail) => {
      queryClient.setQueryData(sessionKeys.assessment(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(detail.sessionId), exact: true });
    },
  });
}
