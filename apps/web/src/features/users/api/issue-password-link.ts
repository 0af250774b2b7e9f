import { UserWithLinkSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

/** A new one-time link: a reset when the user has a password, else a new invitation. Earlier links stop working. */
export const issuePasswordLink = (userId: string) =>
  apiRequest(`/users/${encodeURIComponent(userId)}/password-link`, UserWithLinkSchema, { method: 'POST' });

export function useIssuePasswordLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issuePasswordLink,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
