import { CreatePersonResultSchema, type CreatePersonRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { peopleKeys } from './people-keys';

export const createPerson = (request: CreatePersonRequest) =>
  apiRequest('/people', CreatePersonResultSchema, { method: 'POST', body: request });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
