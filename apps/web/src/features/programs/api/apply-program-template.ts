import { ApplyProgramTemplateResultSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { AFFECTED_BY_PROGRAMS } from './program-keys';

/** Creates the template's programs the organization lacks; asking twice creates nothing twice. */
export const applyProgramTemplate = (templateId: string) =>
  apiRequest(`/program-templates/${encodeURIComponent(templateId)}/apply`, ApplyProgramTemplateResultSchema, {
    method: 'POST',
  });

export function useApplyProgramTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyProgramTemplate,
    onSuccess: () => Promise.all(AFFECTED_BY_PROGRAMS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
