import { CopyYearResultSchema, type CopyYearRequest } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const copyYear = (request: CopyYearRequest) =>
  apiRequest('/plan/copy-year', CopyYearResultSchema, { method: 'POST', body: request });

/** Program and indicator keys are literals here: the copied year's settings show on those pages too. */
const AFFECTED_QUERY_KEYS = [['plan'], ['programs'], ['indicators']] as const;

export function useCopyYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyYear,
    onSuccess: () =>
      Promise.all(AFFECTED_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
