import type { ChangePasswordRequest, CurrentUser } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

/** Other devices are signed out; this one stays, now free of any forced change. */
export const changePassword = (request: ChangePasswordRequest) =>
  apiCommand('/account/password', { method: 'POST', body: request });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      queryClient.setQueryData<CurrentUser | null>(meQueryKey, (me) => (me ? { ...me, mustChangePassword: false } : me));
    },
  });
}
