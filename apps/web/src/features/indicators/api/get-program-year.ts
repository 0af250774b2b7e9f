import { IndicatorTrendSchema, PersonAttemptsSchema, ProgramYearResultsSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const programYearPath = (programId: string, fiscalYear: number) =>
  `/indicators/programs/${encodeURIComponent(programId)}/years/${fiscalYear}`;

export const programYearKeys = {
  results: (programId: string, fiscalYear: number) => ['indicators', 'program-year', programId, fiscalYear] as const,
  person: (programId: string, fiscalYear: number, personId: string) => ['indicators', 'program-year', programId, fiscalYear, 'person', personId] as const,
  trend: (from: number, to: number) => ['indicators', 'trend', from, to] as const,
};

/** The program-year's figures, per-topic gain, sessions and people (names only). */
export const useProgramYearResults = (programId: string, fiscalYear: number) =>
  useQuery({
    queryKey: programYearKeys.results(programId, fiscalYear),
    queryFn: ({ signal }) => apiRequest(programYearPath(programId, fiscalYear), ProgramYearResultsSchema, { signal }),
  });

/** One person's pre- and post-test attempts in the program-year, with their answers (read-only). */
export const usePersonAttempts = (programId: string, fiscalYear: number, personId: string) =>
  useQuery({
    queryKey: programYearKeys.person(programId, fiscalYear, personId),
    queryFn: ({ signal }) =>
      apiRequest(`${programYearPath(programId, fiscalYear)}/people/${encodeURIComponent(personId)}/attempts`, PersonAttemptsSchema, { signal }),
  });

/** Pass rate, status and mean gain per program for each fiscal year of the range. */
export const useIndicatorTrend = (from: number, to: number) =>
  useQuery({
    queryKey: programYearKeys.trend(from, to),
    queryFn: ({ signal }) => apiRequest('/indicators/trend', IndicatorTrendSchema, { query: { from, to }, signal }),
  });
