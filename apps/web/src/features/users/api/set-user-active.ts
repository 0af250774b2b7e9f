import { UserSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

/** Deactivation ends the user's sessions at once; reactivation gives the account back with its old password. */
export const setUserActive = ({ userId, active }: { userId: string; active: boolean }) =>
  apiRequest(`/users/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`, UserSchema, { method: 'POST' });

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserActive,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
