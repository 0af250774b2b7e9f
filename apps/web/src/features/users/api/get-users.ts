import { UserListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const getUsers = (signal?: AbortSignal) => apiRequest('/users', UserListSchema, { signal });

export const useUsers = () => useQuery({ queryKey: userKeys.all, queryFn: ({ signal }) => getUsers(signal) });
