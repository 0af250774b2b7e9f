import { ImportQuestionsResultSchema, type GiftImportPreview } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

type PreviewQuestion = GiftImportPreview['questions'][number];

/** Adds the questions a preview found addable; the request is strict, so the preview's line stays behind. */
export function importQuestions({ programId, questions }: { programId: string; questions: PreviewQuestion[] }) {
  return apiRequest(`/programs/${encodeURIComponent(programId)}/questions/import`, ImportQuestionsResultSchema, {
    method: 'POST',
    body: {
      questions: questions.map((q) => ({
        topic: q.topic,
        type: q.type,
        stem: q.stem,
        options: q.options,
        correctIndex: q.correctIndex,
        explanation: q.explanation,
        points: 1,
      })),
    },
  });
}

export function useImportQuestions(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (questions: PreviewQuestion[]) => importQuestions({ programId, questions }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionKeys.ofProgram(programId) }),
  });
}
