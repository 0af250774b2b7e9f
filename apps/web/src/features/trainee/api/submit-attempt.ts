import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../../../lib/idempotency';
import { traineeKeys } from './trainee-keys';
import { AttemptResultCheck } from './trainee-schemas';

export interface SubmitAttemptInput {
  code: string;
  attemptId: string;
  /** Every answer the phone holds, so an answer whose autosave failed still counts. */
  answers: Record<string, string[]>;
}

/** Idempotent on the server: a retry with the same key after a lost response returns the same result. */
export const submitAttempt = async ({ code, attemptId, answers }: SubmitAttemptInput) => {
  const purpose = `submit.${attemptId}`;
  const result = await apiRequest(
    `/join/${encodeURIComponent(code)}/attempts/${encodeURIComponent(attemptId)}/submit`,
    AttemptResultCheck,
    { method: 'POST', body: { answers }, headers: { 'Idempotency-Key': idempotencyKeyFor(purpose, answers) } },
  );
  forgetIdempotencyKey(purpose);
  return result;
};

export function useSubmitAttempt(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAttempt,
    // Fail at once when offline, so the trainee sees why and can press again; the answers stay on the phone.
    networkMode: 'always',
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: traineeKeys.session(code) }),
  });
}
