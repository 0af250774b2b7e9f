import { SessionLiveSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { PROJECTOR_REFETCH_MS, sessionKeys } from './session-keys';

export const getSessionLive = (id: string) => apiRequest(`/sessions/${encodeURIComponent(id)}/live`, SessionLiveSchema);

/** The projector's counts, asked again every two seconds (also while the tab is in the background: it is on a projector). */
export const useSessionLive = (id: string) =>
  useQuery({
    queryKey: sessionKeys.live(id),
    queryFn: () => getSessionLive(id),
    refetchInterval: PROJECTOR_REFETCH_MS,
    refetchIntervalInBackground: true,
  });
