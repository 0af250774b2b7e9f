import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../../../lib/idempotency';
import { isRetryable } from './retryable';
import { traineeKeys } from './trainee-keys';
import { AttemptResultCheck } from './trainee-schemas';

export interface SubmitAttemptInput {
  code: string;
  attemptId: string;
  /** Every answer the phone holds, so an answer whose autosave failed still counts. */
  answers: Record<string, string[]>;
}

/*
 * A hand-in the server has not confirmed yet, kept on the phone with its Idempotency-Key: after a reload with no
 * connection the phone sends the very same request again (same answers, same key), so the server counts it once.
 */
const PendingSubmitSchema = z.object({
  answers: z.record(z.string(), z.array(z.string())),
  idempotencyKey: z.string(),
});
type PendingSubmit = z.infer<typeof PendingSubmitSchema>;
const pendingKey = (attemptId: string) => `sujarit.pendingSubmit.${attemptId}`;

/** The hand-in of this attempt still waiting for the server, if the trainee made one. */
export function pendingSubmitOf(attemptId: string): PendingSubmit | null {
  try {
    const parsed = PendingSubmitSchema.safeParse(JSON.parse(localStorage.getItem(pendingKey(attemptId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function keepPending(attemptId: string, pending: PendingSubmit): void {
  try {
    localStorage.setItem(pendingKey(attemptId), JSON.stringify(pending));
  } catch {
    // Private mode: the hand-in is still retried while the page stays open.
  }
}

/** Forgets a waiting hand-in (the server holds the attempt as handed in). */
export function forgetPendingSubmit(attemptId: string): void {
  try {
    localStorage.removeItem(pendingKey(attemptId));
  } catch {
    // nothing to forget
  }
}

/**
 * Idempotent on the server: a retry with the same key after a lost response returns the same result. The same
 * hand-in again (a retry, or the waiting one after a reload) goes with the key it was first sent with.
 */
export const submitAttempt = async ({ code, attemptId, answers }: SubmitAttemptInput) => {
  const purpose = `submit.${attemptId}`;
  const waiting = pendingSubmitOf(attemptId);
  const pending =
    waiting && JSON.stringify(waiting.answers) === JSON.stringify(answers)
      ? waiting
      : { answers, idempotencyKey: idempotencyKeyFor(purpose, answers) };
  keepPending(attemptId, pending);
  try {
    const result = await apiRequest(
      `/join/${encodeURIComponent(code)}/attempts/${encodeURIComponent(attemptId)}/submit`,
      AttemptResultCheck,
      { method: 'POST', body: { answers: pending.answers }, headers: { 'Idempotency-Key': pending.idempotencyKey } },
    );
    forgetPendingSubmit(attemptId);
    forgetIdempotencyKey(purpose);
    return result;
  } catch (error) {
    // Refused, not lost: asking again will not change the answer, so nothing is left waiting.
    if (!isRetryable(error)) forgetPendingSubmit(attemptId);
    throw error;
  }
};

export function useSubmitAttempt(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAttempt,
    // Fail at once when offline, so the page can say the hand-in waits on the phone; it is sent again by itself.
    networkMode: 'always',
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: traineeKeys.session(code) }),
  });
}
