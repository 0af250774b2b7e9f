import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { traineeKeys } from './trainee-keys';
import { AttemptReviewCheck } from './trainee-schemas';

/** Right answers and explanations of a finished attempt; the server answers 409 until the test's settings allow it. */
export const getReview = (code: string, attemptId: string) =>
  apiRequest(`/join/${encodeURIComponent(code)}/attempts/${encodeURIComponent(attemptId)}/review`, AttemptReviewCheck);

export const useReview = (code: string, attemptId: string) =>
  useQuery({
    queryKey: traineeKeys.review(code, attemptId),
    queryFn: () => getReview(code, attemptId),
    // A closed test's review never changes.
    staleTime: Infinity,
  });
