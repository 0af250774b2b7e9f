import { SurveyResultsSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { LIVE_REFETCH_MS, sessionKeys } from './session-keys';

export const getSurveyResults = (assessmentId: string, signal?: AbortSignal) =>
  apiRequest(`/assessments/${encodeURIComponent(assessmentId)}/survey-results`, SurveyResultsSchema, { signal });

/** Watched live like the session page: the organizer often reads it while the last people are still answering. */
export const useSurveyResults = (assessmentId: string) =>
  useQuery({
    queryKey: sessionKeys.surveyResults(assessmentId),
    queryFn: ({ signal }) => getSurveyResults(assessmentId, signal),
    refetchInterval: LIVE_REFETCH_MS,
  });
