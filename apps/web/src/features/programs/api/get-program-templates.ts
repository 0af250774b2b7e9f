import { ProgramTemplateListSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export const getProgramTemplates = () => apiRequest('/program-templates', ProgramTemplateListSchema);

export const useProgramTemplates = () =>
  useQuery({ queryKey: programKeys.templates, queryFn: getProgramTemplates, staleTime: Infinity });
