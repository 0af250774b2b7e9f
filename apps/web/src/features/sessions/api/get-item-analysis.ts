import { ItemAnalysisSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const getItemAnalysis = (assessmentId: string, signal?: AbortSignal) =>
  apiRequest(`/assessments/${encodeURIComponent(assessmentId)}/item-analysis`, ItemAnalysisSchema, { signal });

/** Read after a test, not during it: fetched once per visit rather than watched live. */
export const useItemAnalysis = (assessmentId: string) =>
  useQuery({ queryKey: sessionKeys.itemAnalysis(assessmentId), queryFn: ({ signal }) => getItemAnalysis(assessmentId, signal) });
