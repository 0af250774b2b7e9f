import { ProgramDetailsSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS, programKeys } from './program-keys';

export const archiveProgram = (programId: string) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/archive`, ProgramDetailsSchema, { method: 'POST' });

export function useArchiveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.detail(program.id), program);
      return Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
