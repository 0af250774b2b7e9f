import { TraineeSessionSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { TRAINEE_POLL_MS, traineeKeys } from './trainee-keys';

export const getTraineeSession = (code: string) =>
  apiRequest(`/join/${encodeURIComponent(code)}`, TraineeSessionSchema);

/** Polls while the session page is open, so a test the organizer opens appears by itself; other pages read it once. */
export const useTraineeSession = (code: string, { poll = true }: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: traineeKeys.session(code),
    queryFn: () => getTraineeSession(code),
    refetchInterval: poll ? TRAINEE_POLL_MS : false,
  });
