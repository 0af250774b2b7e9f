import { ProgramListSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const programListQueryKey = (fiscalYear: number) => ['programs', { fiscalYear }] as const;

export const getProgramList = (fiscalYear: number) =>
  apiRequest('/programs', ProgramListSchema, { query: { fiscalYear } });

export const useProgramList = (fiscalYear: number) =>
  useQuery({
    queryKey: programListQueryKey(fiscalYear),
    queryFn: () => getProgramList(fiscalYear),
    placeholderData: keepPreviousData,
  });
