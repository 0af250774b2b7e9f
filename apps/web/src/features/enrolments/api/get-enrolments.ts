import { EnrolmentListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { enrolmentKeys, LIVE_REFETCH_MS } from './enrolment-keys';

export const getEnrolments = (sessionId: string, signal?: AbortSignal) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/enrolments`, EnrolmentListSchema, { signal });

export const useEnrolments = (sessionId: string) =>
  useQuery({
    queryKey: enrolmentKeys.ofSession(sessionId),
    queryFn: ({ signal }) => getEnrolments(sessionId, signal),
    refetchInterval: LIVE_REFETCH_MS,
  });
