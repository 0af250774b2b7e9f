import { type ApplyProgramTemplateResult, ApplyProgramTemplateResultSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS } from './program-keys';

/** Creates the template's programs the organization lacks; asking twice creates nothing twice. */
export const applyProgramTemplate = (templateId: string) =>
  apiRequest(`/program-templates/${encodeURIComponent(templateId)}/apply`, ApplyProgramTemplateResultSchema, {
    method: 'POST',
  });

/**
 * `onApplied` runs with the mutation's own success, before the lists refresh: the offer that started it disappears
 * once the programs arrive, and a callback given to `mutate` would never run for a component already gone.
 */
export function useApplyProgramTemplate(onApplied?: (result: ApplyProgramTemplateResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyProgramTemplate,
    onSuccess: (result) => {
      onApplied?.(result);
      return Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
