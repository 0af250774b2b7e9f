import { UserWithLinkSchema, type CreateUserRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

/** The new account and its invitation link, which the server shows this once. */
export const createUser = (request: CreateUserRequest) =>
  apiRequest('/users', UserWithLinkSchema, { method: 'POST', body: request });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
