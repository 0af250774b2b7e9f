import type { TraineeAttempt } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { traineeKeys } from './trainee-keys';
import { TraineeAttemptCheck } from './trainee-schemas';

export interface LoadedAttempt {
  attempt: TraineeAttempt;
  /** Server clock minus this phone's clock, measured on arrival: the countdown runs on the server's time. */
  clockOffsetMs: number;
}

/** Starts attempt N or resumes it with the answers saved so far; calling it again never makes a second attempt. */
export async function startAttempt(code: string, assessmentId: string, attemptNumber: number): Promise<LoadedAttempt> {
  const attempt = await apiRequest(
    `/join/${encodeURIComponent(code)}/assessments/${encodeURIComponent(assessmentId)}/attempt`,
    TraineeAttemptCheck,
    { method: 'POST', body: { attemptNumber } },
  );
  return { attempt, clockOffsetMs: Date.parse(attempt.serverNow) - Date.now() };
}

export const useAttempt = (code: string, assessmentId: string, attemptNumber: number) =>
  useQuery({
    queryKey: traineeKeys.attempt(code, assessmentId, attemptNumber),
    queryFn: () => startAttempt(code, assessmentId, attemptNumber),
    // Loaded once per visit: answers live on the phone from here on, not in the query cache.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
