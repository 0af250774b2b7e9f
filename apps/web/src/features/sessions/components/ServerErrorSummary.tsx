import { useEffect, useRef } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, apiIssueText, isApiError } from '../../../lib/api-client';
import type { SelectionFormValues } from './assessment-selection';
import { formFieldOfApiPath } from './assessment-settings-form';

/**
 * Puts each issue of an API refusal beside its field; returns what is left for the top of the form
 * (the whole error when it names no field, such as a conflict), or null when every issue found its field.
 */
export function placeServerIssues<TValues extends FieldValues & SelectionFormValues>(
  error: unknown,
  values: TValues,
  setError: UseFormSetError<TValues>,
): unknown {
  if (!isApiError(error) || error.issues.length === 0) return error;
  const unplaced: string[] = [];
  error.issues.forEach((issue, index) => {
    const field = formFieldOfApiPath(issue.path, values);
    if (field === 'root') unplaced.push(apiIssueText(issue));
    else setError(field as Path<TValues>, { type: 'server', message: apiIssueText(issue) }, { shouldFocus: index === 0 });
  });
  return unplaced.length === 0 ? null : new ApiError(error.status, error.code, error.params, [], unplaced.join(' '));
}

/** A refusal that belongs to no one field, at the top of the form and scrolled into view. */
export function ServerErrorSummary({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);
  return (
    <div ref={ref}>
      <ErrorAlert error={error} />
    </div>
  );
}
