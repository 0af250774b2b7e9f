import { SessionSchema, type AddExpenseRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { PLAN_QUERY_KEY, sessionKeys } from './session-keys';

export const addExpense = ({ sessionId, expense }: { sessionId: string; expense: AddExpenseRequest }) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/expenses`, SessionSchema, { method: 'POST', body: expense });

export function useAddExpense() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addExpense,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      void queryClient.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
  });
}
