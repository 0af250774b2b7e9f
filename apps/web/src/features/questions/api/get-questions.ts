import { BankQuestionListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

/** The program's active questions; with `includeArchived`, the archived versions too. */
export const getQuestions = (programId: string, includeArchived: boolean, signal?: AbortSignal) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/questions`, BankQuestionListSchema, {
    query: { includeArchived: includeArchived ? 'true' : undefined },
    signal,
  });

export const useQuestions = (programId: string, includeArchived = false) =>
  useQuery({
    queryKey: questionKeys.ofProgram(programId, includeArchived),
    queryFn: ({ signal }) => getQuestions(programId, includeArchived, signal),
  });
