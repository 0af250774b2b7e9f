import { EnrolmentListSchema, type ChangeEnrolmentStatusRequestSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { holdPolling, showEnrolments } from './enrolment-keys';

export type EnrolmentAction = z.infer<typeof ChangeEnrolmentStatusRequestSchema>['status'];

/**
 * Check-in (attended), absent, withdrawn, or back to enrolled. A withdrawal hands its seat to the
 * first on the waitlist, so the answer is the whole list again.
 */
export const changeEnrolmentStatus = ({ enrolmentId, status }: { enrolmentId: string; status: EnrolmentAction }) =>
  apiRequest(`/enrolments/${encodeURIComponent(enrolmentId)}`, EnrolmentListSchema, { method: 'PATCH', body: { status } });

export function useChangeEnrolmentStatus(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeEnrolmentStatus,
    onMutate: () => holdPolling(queryClient, sessionId),
    onSuccess: (list) => showEnrolments(queryClient, sessionId, list),
  });
}
