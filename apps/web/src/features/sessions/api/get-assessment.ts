import { AssessmentDetailSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const getAssessment = (id: string, signal?: AbortSignal) =>
  apiRequest(`/assessments/${encodeURIComponent(id)}`, AssessmentDetailSchema, { signal });

export const useAssessment = (id: string) =>
  useQuery({ queryKey: sessionKeys.assessment(id), queryFn: ({ signal }) => getAssessment(id, signal) });
