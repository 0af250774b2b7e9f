import { AttendeeListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { LIVE_REFETCH_MS, sessionKeys } from './session-keys';

export const getAttendees = (sessionId: string) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/attendees`, AttendeeListSchema);

export const useAttendees = (sessionId: string, enabled = true) =>
  useQuery({
    queryKey: sessionKeys.attendees(sessionId),
    queryFn: () => getAttendees(sessionId),
    refetchInterval: LIVE_REFETCH_MS,
    enabled,
  });
