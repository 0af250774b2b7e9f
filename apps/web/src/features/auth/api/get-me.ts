import { CurrentUserSchema, type CurrentUser } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in staff member, or null when nobody is signed in (401 is an answer here, not an error). */
export async function getMe(): Promise<CurrentUser | null> {
  try {
    return await apiRequest('/auth/me', CurrentUserSchema);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const useMe = () => useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
