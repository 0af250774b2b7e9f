import { SessionSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { LIVE_REFETCH_MS, sessionKeys } from './session-keys';

export const getSession = (id: string) => apiRequest(`/sessions/${encodeURIComponent(id)}`, SessionSchema);

export const useSession = (id: string) =>
  useQuery({ queryKey: sessionKeys.detail(id), queryFn: () => getSession(id), refetchInterval: LIVE_REFETCH_MS });
