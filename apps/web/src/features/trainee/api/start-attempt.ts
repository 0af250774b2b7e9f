import type { TraineeAttempt } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { traineeKeys } from './trainee-keys';
import { TraineeAttemptCheck } from './trainee-schemas';

export interface LoadedAttempt {
  attempt: TraineeAttempt;
  /** Server clock minus this phone's clock, measured on arrival: the countdown runs on the server's time. */
  clockOffsetMs: number;
}

/*
 * The phone's copy of each attempt it started (its questions, never an answer key, and the answers saved by then), so
 * a reload or a re-opened tab with no connection resumes the test. The attempt comes from a POST (start or resume),
 * which no HTTP cache, the service worker's included, keeps. Removed once the attempt is handed in.
 */
const COPY_PREFIX = 'sujarit.attemptCopy.';
const copyKey = (code: string, assessmentId: string, attemptNumber: number) => `${COPY_PREFIX}${code}.${assessmentId}.${attemptNumber}`;
const LoadedAttemptSchema = z.object({ attempt: TraineeAttemptCheck, clockOffsetMs: z.number() });

function keepCopy(key: string, loaded: LoadedAttempt): void {
  try {
    localStorage.setItem(key, JSON.stringify(loaded));
  } catch {
    // Storage full or blocked: the test still works online.
  }
}

function copyOf(key: string): LoadedAttempt | null {
  try {
    const parsed = LoadedAttemptSchema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Forgets the phone's copy of a handed-in attempt. */
export function forgetAttemptCopy(attemptId: string): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(COPY_PREFIX) && copyOf(key)?.attempt.id === attemptId) localStorage.removeItem(key);
    }
  } catch {
    // Nothing to forget when storage is blocked.
  }
}

/**
 * Starts attempt N or resumes it with the answers saved so far; calling it again never makes a second attempt.
 * With no connection it resumes from the phone's copy, when there is one.
 */
export async function startAttempt(code: string, assessmentId: string, attemptNumber: number): Promise<LoadedAttempt> {
  const key = copyKey(code, assessmentId, attemptNumber);
  try {
    const attempt = await apiRequest(
      `/join/${encodeURIComponent(code)}/assessments/${encodeURIComponent(assessmentId)}/attempt`,
      TraineeAttemptCheck,
      { method: 'POST', body: { attemptNumber } },
    );
    const loaded = { attempt, clockOffsetMs: Date.parse(attempt.serverNow) - Date.now() };
    if (!attempt.submitted) keepCopy(key, loaded);
    return loaded;
  } catch (error) {
    const copy = isApiError(error) && error.isNetworkError ? copyOf(key) : null;
    if (copy) return copy;
    throw error;
  }
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
    // Asked even when the phone says it is offline: the phone's copy answers then (TanStack would wait otherwise).
    networkMode: 'always',
  });
