import { TraineeAttemptSchema, type AssessmentKind } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { traineeKeys } from './trainee-keys';

/** Starts the attempt or resumes it with the answers saved so far; calling it again is harmless. */
export const startAttempt = (code: string, kind: AssessmentKind) =>
  apiRequest(`/join/${encodeURIComponent(code)}/assessments/${kind}/attempt`, TraineeAttemptSchema, { method: 'POST' });

export const useAttempt = (code: string, kind: AssessmentKind) =>
  useQuery({
    queryKey: traineeKeys.attempt(code, kind),
    queryFn: () => startAttempt(code, kind),
    // Loaded once per visit: answers live on the phone from here on, not in the query cache.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
