import { SessionListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

interface SessionListFilter {
  programId?: string;
  fiscalYear?: number;
}

export const getSessionList = (filter: SessionListFilter) =>
  apiRequest('/sessions', SessionListSchema, { query: { ...filter } });

export const useSessionList = (filter: SessionListFilter) =>
  useQuery({ queryKey: sessionKeys.list(filter), queryFn: () => getSessionList(filter) });
