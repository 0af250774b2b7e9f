import { ImportResultSchema, type ImportPreview } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { refetchAfterImport } from './enrolment-keys';

type PreviewRow = ImportPreview['valid'][number];

/**
 * Imports the rows a preview found valid. All of them go back, the already enrolled too: the
 * server checks each again and counts those it skips, so the summary accounts for every row.
 */
export function confirmImport({ sessionId, rows }: { sessionId: string; rows: PreviewRow[] }) {
  return apiRequest(`/sessions/${encodeURIComponent(sessionId)}/enrolments/import/confirm`, ImportResultSchema, {
    method: 'POST',
    // The request is strict: only the person's fields and the line go back, not the preview's own flag.
    body: {
      rows: rows.map((row) => ({
        line: row.line,
        fullName: row.fullName,
        group: row.group,
        village: row.village,
        school: row.school,
        ageBand: row.ageBand,
        phone: row.phone,
        guardianName: row.guardianName,
      })),
    },
  });
}

export function useConfirmImport(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: PreviewRow[]) => confirmImport({ sessionId, rows }),
    onSuccess: (result) => refetchAfterImport(queryClient, sessionId, result),
  });
}
