import { BankQuestionListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { questionKeys } from './question-keys';

export const getQuestions = (programId: string, signal?: AbortSignal) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/questions`, BankQuestionListSchema, { signal });

export const useQuestions = (programId: string) =>
  useQuery({ queryKey: questionKeys.ofProgram(programId), queryFn: ({ signal }) => getQuestions(programId, signal) });
