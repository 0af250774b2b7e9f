import { PlanSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Both ends, or neither: then the API shows the years that have settings. */
export interface PlanRange {
  from?: number;
  to?: number;
}

export const planQueryKey = (range: PlanRange) => ['plan', range] as const;

export const getPlan = ({ from, to }: PlanRange) => apiRequest('/plan', PlanSchema, { query: { from, to } });

export const usePlan = (range: PlanRange) =>
  useQuery({ queryKey: planQueryKey(range), queryFn: () => getPlan(range), placeholderData: keepPreviousData });
