import { z } from 'zod';
import { says } from './messages';
import { FiscalYearSchema } from './common';

/** The spreadsheet formats every export comes in: XLSX (numbers as numbers) and CSV (UTF-8 with BOM). */
export const EXPORT_FILE_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

const format = z.enum(EXPORT_FILE_FORMATS, says('exportFileFormat'));
const programId = z.uuid();

/** `?format=xlsx|csv` */
export const ExportFormatQuerySchema = z.strictObject({ format });

/** `?format=…&fiscalYear=2568` (the current fiscal year when left out). */
export const ExportYearQuerySchema = z.strictObject({ format, fiscalYear: FiscalYearSchema.optional() });

/** `?format=…&fiscalYear=2568&programId=…` (every program when left out). */
export const ExportSessionsQuerySchema = z.strictObject({ format, fiscalYear: FiscalYearSchema.optional(), programId: programId.optional() });

/** `?format=…&fiscalYear=2568&programId=…` for one program-year. */
export const ExportProgramYearQuerySchema = z.strictObject({ format, fiscalYear: FiscalYearSchema.optional(), programId });
