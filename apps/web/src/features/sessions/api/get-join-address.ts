import { JoinAddressSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const getJoinAddress = () => apiRequest('/join-address', JoinAddressSchema);

/** Where join links point (PUBLIC_URL, or the server's LAN addresses): fixed while the server runs. */
export const useJoinAddress = () =>
  useQuery({ queryKey: ['sessions', 'join-address'] as const, queryFn: getJoinAddress, staleTime: Infinity });
