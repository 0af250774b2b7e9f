import { IndicatorListSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const indicatorListQueryKey = (fiscalYear: number) => ['indicators', { fiscalYear }] as const;

export const getIndicatorList = (fiscalYear: number) =>
  apiRequest('/indicators', IndicatorListSchema, { query: { fiscalYear } });

export const useIndicatorList = (fiscalYear: number) =>
  useQuery({
    queryKey: indicatorListQueryKey(fiscalYear),
    queryFn: () => getIndicatorList(fiscalYear),
    placeholderData: keepPreviousData,
  });
