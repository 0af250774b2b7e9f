import type { ExportFileFormat } from '@sujarit/contracts';

/** A cell: text, a number (kept a number in XLSX), or empty. */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Width in characters in XLSX. */
  width?: number;
  /** Excel number format for a numeric column, e.g. '0.00'. */
  numberFormat?: string;
}

export interface Sheet {
  /** The sheet's name in XLSX (≤ 31 characters), the section's title in CSV. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface SpreadsheetFile {
  fileName: string;
  asciiFileName: string;
  contentType: string;
  content: Buffer;
}


const BOM = '\uFEFF';

/**
 * OWASP's CSV-injection rule: a text cell starting with = + - @ tab or carriage return is read by a spreadsheet as a
 * formula, so it gets a leading apostrophe and is shown as the text it is. Numbers are left alone.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Buddhist Era date and time in Bangkok (UTC+7, no daylight saving), e.g. "15/01/2568 09:30". */
export function bangkokDateTime(instant: Date | string): string {
  const at = new Date(new Date(instant).getTime() + 7 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear() + 543} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded when a workbook is first needed: exceljs is large (~30 MB resident) and most requests never use it.
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sujarit';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, Math.min(60, c.header.length + 4)) }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)));
    }
    sheet.columns.forEach((c, i) => {
      if (c.numberFormat) ws.getColumn(i + 1).numFmt = c.numberFormat;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with a BOM, so Excel opens Thai correctly; CRLF line ends. The first sheet's header is the file's first line;
 * each further sheet (definitions) follows after an empty line, its name on a line of its own, then its header.
 */
export function toCsv(sheets: Sheet[]): Buffer {
  const lines: string[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) lines.push('', csvField(sheet.name));
    lines.push(sheet.columns.map((c) => csvField(c.header)).join(','));
    for (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  });
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The file in the asked format, named `<name>.<format>` with an ASCII fallback name. */
export async function spreadsheetFile(format: ExportFileFormat, name: string, asciiName: string, sheets: Sheet[]): Promise<SpreadsheetFile> {
  return format === 'xlsx'
    ? {
        fileName: `${name}.xlsx`,
        asciiFileName: `${asciiName}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: await toXlsx(sheets),
      }
    : { fileName: `${name}.csv`, asciiFileName: `${asciiName}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(sheets) };
}
