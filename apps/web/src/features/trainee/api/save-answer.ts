import { useMutation } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';

export interface SaveAnswerInput {
  code: string;
  attemptId: string;
  questionId: string;
  optionIds: string[];
}

/** Autosaves one answer as it is chosen (204); saving the same answer twice changes nothing. */
export const saveAnswer = ({ code, attemptId, questionId, optionIds }: SaveAnswerInput) =>
  apiCommand(
    `/join/${encodeURIComponent(code)}/attempts/${encodeURIComponent(attemptId)}/answers/${encodeURIComponent(questionId)}`,
    { method: 'PUT', body: { optionIds } },
  );

/**
 * Retries are the caller's: it queues answers and sends them again when the phone is back online.
 * 'always' lets a request fail at once when offline instead of waiting paused, so the screen can say so.
 */
export const useSaveAnswer = () => useMutation({ mutationFn: saveAnswer, retry: false, networkMode: 'always' });
