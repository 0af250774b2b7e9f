import { ImportQuestionsResultSchema, type QuestionImportPreviewQuestion } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

/** Adds the questions a preview found addable, all or none; the request is strict, so the preview's position stays behind. */
export function importQuestions({ programId, questions }: { programId: string; questions: QuestionImportPreviewQuestion[] }) {
  return apiRequest(`/programs/${encodeURIComponent(programId)}/questions/import`, ImportQuestionsResultSchema, {
    method: 'POST',
    body: { questions: questions.map(({ position: _position, ...question }) => question) },
  });
}

export function useImportQuestions(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (questions: QuestionImportPreviewQuestion[]) => importQuestions({ programId, questions }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionKeys.ofProgram(programId) }),
  });
}
