import { SessionSchema, type Session } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { PLAN_QUERY_KEY, PROGRAMS_QUERY_KEY, sessionKeys } from './session-keys';

export const changeSessionStatus = ({ sessionId, status }: { sessionId: string; status: Session['status'] }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/status`, SessionSchema, { method: 'POST', body: { status } });

export function useChangeSessionStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeSessionStatus,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      // A cancelled session no longer overlaps others, and programs count the sessions held.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists });
      void queryClient.invalidateQueries({ queryKey: PROGRAMS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
  });
}
