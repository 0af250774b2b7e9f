import { QuestionImportPreviewSchema, type ImportFormat } from '@sujarit/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const ROUTES: Record<ImportFormat, string> = { gift: 'gift', moodle_xml: 'xml', csv: 'csv' };

/** The format of a question file, from its name: .xml Moodle XML, .csv CSV, anything else GIFT text. */
export function importFormatOf(fileName: string): ImportFormat {
  if (/\.xml$/i.test(fileName)) return 'moodle_xml';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return 'gift';
}

/** Reads a question file (GIFT, Moodle XML or CSV) on the server and says which questions can be added; changes nothing. */
export function previewImport({ programId, file }: { programId: string; file: File }) {
  const body = new FormData();
  body.append('file', file);
  const route = ROUTES[importFormatOf(file.name)];
  return apiRequest(`/programs/${encodeURIComponent(programId)}/questions/import/${route}/preview`, QuestionImportPreviewSchema, {
    method: 'POST',
    body,
  });
}

export const usePreviewImport = () => useMutation({ mutationFn: previewImport });
