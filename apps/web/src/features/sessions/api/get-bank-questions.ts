import { BankQuestionSchema, QUESTION_TYPES } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

/**
 * Only what the test settings show of a bank question (no key, no options), with every question type,
 * so a test can be built from whatever the bank holds.
 */
const PickableQuestionSchema = BankQuestionSchema.pick({ id: true, topic: true, stem: true, points: true, archived: true }).extend({
  type: z.enum(QUESTION_TYPES),
});
export type PickableQuestion = z.infer<typeof PickableQuestionSchema>;

const PickableQuestionListSchema = z.object({ questions: z.array(PickableQuestionSchema) });

export const getBankQuestions = (programId: string, signal?: AbortSignal) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/questions`, PickableQuestionListSchema, { signal });

/** Archived versions are left out: a test is built only from current questions. */
const currentQuestions = (list: z.infer<typeof PickableQuestionListSchema>) => list.questions.filter((question) => !question.archived);

/** The program's bank in bank order. */
export const useBankQuestions = (programId: string | undefined) =>
  useQuery({
    queryKey: sessionKeys.bank(programId ?? ''),
    queryFn: ({ signal }) => getBankQuestions(programId ?? '', signal),
    enabled: Boolean(programId),
    // A stable function, so the filtered list (and the forms built on it) stays the same between renders.
    select: currentQuestions,
  });
