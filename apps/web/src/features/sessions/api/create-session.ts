import { SessionSchema, type CreateSessionRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export const createSession = (request: CreateSessionRequest) =>
  apiRequest('/sessions', SessionSchema, { method: 'POST', body: request });

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      // Program cards count scheduled sessions.
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}
