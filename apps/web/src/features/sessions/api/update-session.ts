import { SessionSchema, type UpdateSessionRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { PLAN_QUERY_KEY, PROGRAMS_QUERY_KEY, sessionKeys } from './session-keys';

export const updateSession = ({ sessionId, changes }: { sessionId: string; changes: UpdateSessionRequest }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}`, SessionSchema, { method: 'PATCH', body: changes });

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      // A new time or venue changes which other sessions overlap, and a new date may move it to another year.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists });
      void queryClient.invalidateQueries({ queryKey: PROGRAMS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
  });
}
