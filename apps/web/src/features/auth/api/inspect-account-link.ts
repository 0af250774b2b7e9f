import { AccountLinkInfoSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Who a one-time link is for; it changes nothing, so the link stays usable. */
export const inspectAccountLink = (token: string) =>
  apiRequest('/account-links/inspect', AccountLinkInfoSchema, { method: 'POST', body: { token } });

export const useAccountLink = (token: string) =>
  useQuery({
    queryKey: ['account-link', token],
    queryFn: () => inspectAccountLink(token),
    enabled: token !== '',
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
