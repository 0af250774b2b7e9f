import { ProgramDetailsSchema, type CreateProgramRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS, programKeys } from './program-keys';

export const createProgram = (request: CreateProgramRequest) =>
  apiRequest('/programs', ProgramDetailsSchema, { method: 'POST', body: request });

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.detail(program.id), program);
      return Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
