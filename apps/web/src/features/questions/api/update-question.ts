import { BankQuestionSchema, type QuestionInput } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

/** A question an attempt has used comes back as a new version with a new id; the old one stays as it was. */
export const updateQuestion = ({ id, input }: { id: string; input: QuestionInput }) =>
  apiRequest(`/questions/${encodeURIComponent(id)}`, BankQuestionSchema, { method: 'PUT', body: input });

export function useUpdateQuestion(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateQuestion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionKeys.ofProgram(programId) }),
  });
}
