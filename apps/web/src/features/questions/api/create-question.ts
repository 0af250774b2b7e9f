import { BankQuestionSchema, type QuestionInput } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

export const createQuestion = ({ programId, input }: { programId: string; input: QuestionInput }) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/questions`, BankQuestionSchema, { method: 'POST', body: input });

export function useCreateQuestion(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QuestionInput) => createQuestion({ programId, input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionKeys.ofProgram(programId) }),
  });
}
