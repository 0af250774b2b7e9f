import { ProgramYearSchema, type UpdateProgramYearRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

interface UpdateProgramYearInput {
  programId: string;
  fiscalYear: number;
  settings: UpdateProgramYearRequest;
}

export const updateProgramYear = ({ programId, fiscalYear, settings }: UpdateProgramYearInput) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}/years/${fiscalYear}`, ProgramYearSchema, {
    method: 'PUT',
    body: settings,
  });

/** Plan and indicator keys are literals here: a year's settings move targets on those pages too. */
const AFFECTED_QUERY_KEYS = [['programs'], ['plan'], ['indicators']] as const;

export function useUpdateProgramYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgramYear,
    onSuccess: () =>
      Promise.all(AFFECTED_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
