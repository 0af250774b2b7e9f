import { SessionListSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

interface SessionListFilter {
  programId?: string;
  fiscalYear?: number;
}

export const getSessionList = (filter: SessionListFilter) =>
  apiRequest('/sessions', SessionListSchema, { query: { ...filter } });

/**
 * `keepPrevious` keeps the last answer on screen while another filter loads, so a calendar
 * moving into the next fiscal year does not blink away under the reader's finger.
 */
export const useSessionList = (filter: SessionListFilter, { keepPrevious = false } = {}) =>
  useQuery({
    queryKey: sessionKeys.list(filter),
    queryFn: () => getSessionList(filter),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
