import { AuditEventPageSchema, type AuditSubject } from '@sujarit/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export interface AuditFilters {
  subject?: AuditSubject;
  actorId?: string;
  /** ISO instants: from (inclusive) to (exclusive). */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

export const getAuditEvents = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  apiRequest('/audit-events', AuditEventPageSchema, { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });

/** The log newest first; each further page continues from where the last one ended. */
export const useAuditEvents = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam, signal }) => getAuditEvents(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
