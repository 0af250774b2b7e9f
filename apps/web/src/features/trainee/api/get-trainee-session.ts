import { TraineeSessionSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { TRAINEE_POLL_MS, traineeKeys } from './trainee-keys';

export const getTraineeSession = (code: string) =>
  apiRequest(`/join/${encodeURIComponent(code)}`, TraineeSessionSchema);

export const useTraineeSession = (code: string) =>
  useQuery({
    queryKey: traineeKeys.session(code),
    queryFn: () => getTraineeSession(code),
    refetchInterval: TRAINEE_POLL_MS,
  });
