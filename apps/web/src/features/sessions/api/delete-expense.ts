import { SessionSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { PLAN_QUERY_KEY, sessionKeys } from './session-keys';

export const deleteExpense = ({ sessionId, expenseId }: { sessionId: string; expenseId: string }) =>
  apiRequest(
    `/sessions/${encodeURIComponent(sessionId)}/expenses/${encodeURIComponent(expenseId)}`,
    SessionSchema,
    { method: 'DELETE' },
  );

export function useDeleteExpense() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteExpense,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      void queryClient.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
  });
}
