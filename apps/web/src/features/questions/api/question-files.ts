import type { ExportFormat } from '@sujarit/contracts';

/** Files the browser downloads itself (the session cookie goes along): the CSV template and the bank's export. */
export const QUESTION_TEMPLATE_URL = '/api/questions/import-template.csv';

export const questionExportUrl = (programId: string, format: ExportFormat) =>
  `/api/programs/${encodeURIComponent(programId)}/questions/export?format=${format}`;
