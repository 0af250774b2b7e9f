import type { ExportFileFormat } from '@sujarit/contracts';

/** Files the browser downloads itself (the session cookie goes along). */
export const surveyResultsExportUrl = (assessmentId: string, format: ExportFileFormat) =>
  `/api/exports/assessments/${encodeURIComponent(assessmentId)}/survey-results?format=${format}`;

export const itemAnalysisExportUrl = (assessmentId: string, format: ExportFileFormat) =>
  `/api/exports/assessments/${encodeURIComponent(assessmentId)}/item-analysis?format=${format}`;
