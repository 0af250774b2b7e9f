import { ProgramYearSurveyResultsSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const getProgramYearSurvey = (programId: string, fiscalYear: number, signal?: AbortSignal) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/survey-results`, ProgramYearSurveyResultsSchema, { query: { fiscalYear }, signal });

/** A program-year's surveys pooled with its follow-up outcomes (shown on its indicator card). */
export const useProgramYearSurvey = (programId: string, fiscalYear: number) =>
  useQuery({
    queryKey: ['indicators', 'survey', { programId, fiscalYear }] as const,
    queryFn: ({ signal }) => getProgramYearSurvey(programId, fiscalYear, signal),
  });
