import { CurrentUserSchema, SetupStatusSchema, type SetupRequest } from '@sujarit/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const setupStatusKey = ['setup'] as const;

export const getSetupStatus = () => apiRequest('/setup', SetupStatusSchema);

/** Asked once per visit: whether this deployment still needs its first organization. */
export const useSetupStatus = () => useQuery({ queryKey: setupStatusKey, queryFn: getSetupStatus, staleTime: Infinity });

export const runSetup = (request: SetupRequest) => apiRequest('/setup', CurrentUserSchema, { method: 'POST', body: request });

/** The set-up signs its admin in: the signed-in user is known at once, and the set-up is no longer needed. */
export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runSetup,
    onSuccess: (user) => {
      queryClient.setQueryData(['auth', 'me'], user);
      queryClient.setQueryData(setupStatusKey, { needed: false, templates: [] });
    },
  });
}
