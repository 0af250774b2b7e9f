import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import { PLAN_QUERY_KEY, PROGRAMS_QUERY_KEY, sessionKeys } from './session-keys';

export const deleteSession = (sessionId: string) =>
  apiCommand(`/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: (_nothing, sessionId) => {
      queryClient.removeQueries({ queryKey: sessionKeys.detail(sessionId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists });
      void queryClient.invalidateQueries({ queryKey: PROGRAMS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
  });
}
