import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS, programKeys } from './program-keys';

/** Only a program that never had a session; the API refuses the others (PROGRAM_HAS_SESSIONS). */
export const deleteProgram = (programId: string) =>
  apiCommand(`/programs/${encodeURIComponent(programId)}`, { method: 'DELETE' });

export function useDeleteProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProgram,
    onSuccess: (_, programId) => {
      queryClient.removeQueries({ queryKey: programKeys.detail(programId) });
      return Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
