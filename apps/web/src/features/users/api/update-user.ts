import { UserSchema, type UpdateUserRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const updateUser = ({ userId, changes }: { userId: string; changes: UpdateUserRequest }) =>
  apiRequest(`/users/${encodeURIComponent(userId)}`, UserSchema, { method: 'PATCH', body: changes });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
