import { CurrentUserSchema, type RedeemAccountLinkRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

/** Sets the password through the link; the server signs this browser in. */
export const redeemAccountLink = (request: RedeemAccountLinkRequest) =>
  apiRequest('/account-links/redeem', CurrentUserSchema, { method: 'POST', body: request });

export function useRedeemAccountLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeemAccountLink,
    onSuccess: (user) => {
      // Whoever was signed in here before is not any more.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
