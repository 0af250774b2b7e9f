import type { JoinRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { traineeKeys } from './trainee-keys';
import { TraineeSessionCheck } from './trainee-schemas';

/** Walk-in enrolment and check-in; the server remembers this phone by a cookie for the session. */
export const joinSession = (code: string, request: JoinRequest) =>
  apiRequest(`/join/${encodeURIComponent(code)}`, TraineeSessionCheck, { method: 'POST', body: request });

export function useJoinSession(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: JoinRequest) => joinSession(code, request),
    onSuccess: (session) => queryClient.setQueryData(traineeKeys.session(code), session),
  });
}
