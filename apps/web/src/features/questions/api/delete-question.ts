import { RemoveQuestionResultSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

/** A used question is archived rather than deleted, so the scores that used it keep their meaning. */
export const deleteQuestion = (id: string) =>
  apiRequest(`/questions/${encodeURIComponent(id)}`, RemoveQuestionResultSchema, { method: 'DELETE' });

export function useDeleteQuestion(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteQuestion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionKeys.ofProgram(programId) }),
  });
}
