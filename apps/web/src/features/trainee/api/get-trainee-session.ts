import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { TRAINEE_POLL_MS, traineeKeys } from './trainee-keys';
import { TraineeSessionCheck } from './trainee-schemas';

export const getTraineeSession = (code: string) =>
  apiRequest(`/join/${encodeURIComponent(code)}`, TraineeSessionCheck);

/**
 * Polls while the session page is open, so a test the organizer opens appears by itself; other pages read it once.
 * A code the server refused (wrong, or too many wrong codes from this network) is not asked again by itself: each
 * such ask would count as another wrong code.
 */
export const useTraineeSession = (code: string, { poll = true }: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: traineeKeys.session(code),
    queryFn: () => getTraineeSession(code),
    refetchInterval: (query) => (poll && !(query.state.data === undefined && isRefusal(query.state.error)) ? TRAINEE_POLL_MS : false),
    refetchOnWindowFocus: (query) => !(query.state.data === undefined && isRefusal(query.state.error)),
  });

const isRefusal = (error: unknown) => isApiError(error) && error.status >= 400 && error.status < 500;
