import { ProgramDetailsSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export const getProgram = (programId: string) =>
  apiRequest(`/programs/${encodeURIComponent(programId)}`, ProgramDetailsSchema);

/** One program's own details, archived or not, with how many sessions and questions it holds. */
export const useProgram = (programId: string) =>
  useQuery({ queryKey: programKeys.detail(programId), queryFn: () => getProgram(programId) });
