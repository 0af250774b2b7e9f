import { SessionSchema, type AssessmentKind } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const openAssessment = ({ sessionId, kind }: { sessionId: string; kind: AssessmentKind }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/assessments/${kind}/open`, SessionSchema, { method: 'POST' });

export function useOpenAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openAssessment,
    onSuccess: (session) => queryClient.setQueryData(sessionKeys.detail(session.id), session),
  });
}
