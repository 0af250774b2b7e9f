import { EnrolmentListSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { holdPolling, showEnrolments } from './enrolment-keys';

/**
 * ย้ายไปเครื่องใหม่: the phone that holds this check-in loses it at once; the next phone that checks in with the
 * person's name (and code, when the session asks for one) takes it over, answers and all.
 */
export const releasePhone = (enrolmentId: string) =>
  apiRequest(`/enrolments/${encodeURIComponent(enrolmentId)}/release-phone`, EnrolmentListSchema, { method: 'POST' });

export function useReleasePhone(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releasePhone,
    onMutate: () => holdPolling(queryClient, sessionId),
    onSuccess: (list) => showEnrolments(queryClient, sessionId, list),
  });
}
