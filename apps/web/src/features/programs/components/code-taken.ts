import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../../lib/api-client';

/**
 * A code another program holds is the code field's error, placed beside it; returns what is left for the
 * top of the form (nothing when it was placed).
 */
export function placeCodeTaken<TValues extends FieldValues & { code: string }>(error: unknown, setError: UseFormSetError<TValues>): unknown {
  if (isApiError(error) && error.code === 'PROGRAM_CODE_TAKEN') {
    setError('code' as Path<TValues>, { type: 'server', message: error.message }, { shouldFocus: true });
    return null;
  }
  return error;
}
