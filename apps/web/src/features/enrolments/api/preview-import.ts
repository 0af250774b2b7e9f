import { ImportPreviewSchema } from '@sujarit/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Reads a .csv or .xlsx file on the server and says which rows can be imported; changes nothing. */
export function previewImport({ sessionId, file }: { sessionId: string; file: File }) {
  const body = new FormData();
  body.append('file', file);
  return apiRequest(`/sessions/${encodeURIComponent(sessionId)}/enrolments/import/preview`, ImportPreviewSchema, {
    method: 'POST',
    body,
  });
}

export const usePreviewImport = () => useMutation({ mutationFn: previewImport });
