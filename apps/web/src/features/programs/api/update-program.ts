import { ProgramDetailsSchema, type ProgramDetailsRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS, programKeys } from './program-keys';

interface UpdateProgramInput {
  programId: string;
  details: ProgramDetailsRequest;
}

export const updateProgram = ({ programId, details }: UpdateProgramInput) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}`, ProgramDetailsSchema, { method: 'PUT', body: details });

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.detail(program.id), program);
      return Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
