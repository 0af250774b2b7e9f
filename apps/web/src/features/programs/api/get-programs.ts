import { ProgramListSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export const getProgramList = (fiscalYear: number, includeArchived: boolean) =>
  apiRequest('/programs', ProgramListSchema, {
    query: { fiscalYear, includeArchived: includeArchived ? 'true' : undefined },
  });

/** The organization's programs in use; `includeArchived` lists the archived ones too. */
export const useProgramList = (fiscalYear: number, { includeArchived = false }: { includeArchived?: boolean } = {}) =>
  useQuery({
    queryKey: programKeys.list(fiscalYear, includeArchived),
    queryFn: () => getProgramList(fiscalYear, includeArchived),
    placeholderData: keepPreviousData,
  });
