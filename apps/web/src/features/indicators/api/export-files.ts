import type { ExportFileFormat } from '@sujarit/contracts';

/** Files the browser downloads itself (the session cookie goes along). */
export const indicatorsExportUrl = (fiscalYear: number, format: ExportFileFormat) => `/api/exports/indicators?fiscalYear=${fiscalYear}&format=${format}`;

export const sessionsExportUrl = (fiscalYear: number, format: ExportFileFormat) => `/api/exports/sessions?fiscalYear=${fiscalYear}&format=${format}`;

export const programSurveyExportUrl = (programId: string, fiscalYear: number, format: ExportFileFormat) =>
  `/api/exports/survey-results?programId=${encodeURIComponent(programId)}&fiscalYear=${fiscalYear}&format=${format}`;

export const attendeesExportUrl = (programId: string, fiscalYear: number, format: ExportFileFormat) =>
  `/api/exports/attendees?programId=${encodeURIComponent(programId)}&fiscalYear=${fiscalYear}&format=${format}`;
