import { createHash } from 'node:crypto';
import { escapeHtml } from '../pdf/html';
import { sarabunFontFaces } from '../pdf/sarabun-font';

/** One line of the sheet: a person on the list, already in the words printed. */
export interface AttendanceSheetRow {
  fullName: string;
  group: string;
  village: string;
  /** The personal check-in code, printed only when the session asks for it. */
  checkInCode: string;
}

/** Everything printed on an attendance sheet (ใบลงชื่อเข้าร่วมอบรม), as Thai text. */
export interface AttendanceSheet {
  organizationName: string;
  programCode: string;
  programName: string;
  sessionTitle: string;
  joinCode: string;
  /** Date and time on the Bangkok calendar in the Buddhist Era, e.g. "วันที่ 4 มีนาคม 2568 เวลา 09:00 – 16:00 น." */
  schedule: string;
  venue: string;
  rows: AttendanceSheetRow[];
  /** The session asks for personal check-in codes: each listed person's is printed beside their name. */
  showCheckInCodes: boolean;
  /** Empty numbered lines after the list, for walk-ins. */
  blankRows: number;
  printedAt: string;
}

export const SHEET_TITLE = 'ใบลงชื่อเข้าร่วมอบรม';
export const COLUMN_HEADERS = ['ลำดับ', 'ชื่อ-นามสกุล', 'กลุ่ม', 'หมู่ที่', 'ลายมือชื่อ', 'หมายเหตุ'] as const;
export const CHECK_IN_CODE_HEADER = 'รหัสเช็กอิน';

/** The table's columns: the personal check-in code comes after the village when the session asks for it. */
export function columnHeaders(sheet: Pick<AttendanceSheet, 'showCheckInCodes'>): string[] {
  const [number, name, group, village, ...rest] = COLUMN_HEADERS;
  return sheet.showCheckInCodes ? [number, name, group, village, CHECK_IN_CODE_HEADER, ...rest] : [...COLUMN_HEADERS];
}
export const ORGANIZER_SIGNATURE = 'ลงชื่อ ........................................................ ผู้จัดการอบรม';
export const ORGANIZER_NAME_LINE = '( ........................................................ )';

/** Sarabun, carried inlined in the page (nothing is downloaded); the system's Thai fonts only if it were missing. */
const FONT_STACK = `"Sarabun", "Noto Sans Thai", "Loma", "Garuda", "Norasi", sans-serif`;

const PRINT_SCRIPT = `document.getElementById('print-button').addEventListener('click', function () { window.print(); });`;

/** For the HTML page: only our own print script may run, nothing may load. */
export const HTML_CONTENT_SECURITY_POLICY = [
  `default-src 'none'`,
  `style-src 'unsafe-inline'`,
  // Sarabun is inlined as data: URLs.
  `font-src data:`,
  `script-src 'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'`,
  `base-uri 'none'`,
  `form-action 'none'`,
].join('; ');

/**
 * Page numbers at the foot of each PDF page; Chromium fills in the two spans. The footer does not see the page's
 * fonts, so it carries Sarabun itself.
 */
export const pdfFooterTemplate = (): string => `<style>${sarabunFontFaces()}</style><div style="width:100%;font-family:${escapeHtml(FONT_STACK)};font-size:8pt;color:#444;text-align:center;">หน้า <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

const STYLE = `
  @page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: ${FONT_STACK}; font-size: 11.5pt; line-height: 1.45; color: #000; }
  .sheet { max-width: 186mm; margin: 0 auto; }
  header { text-align: center; margin-bottom: 4mm; }
  h1 { font-size: 17pt; margin: 0 0 1mm; }
  header p { margin: 0; }
  header .organization { font-size: 13pt; font-weight: bold; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  thead { display: table-header-group; }
  th, td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: middle; overflow-wrap: break-word; }
  th { background: #e8e8e8; font-weight: bold; text-align: center; }
  tbody tr { height: 12mm; break-inside: avoid; page-break-inside: avoid; }
  td.number, td.village { text-align: center; }
  td.group { font-size: 10.5pt; }
  th { white-space: nowrap; padding: 1.5mm 0.5mm; }
  col.number { width: 7%; }
  col.name { width: 31%; }
  col.group { width: 18%; }
  col.village { width: 7%; }
  col.signature { width: 24%; }
  col.note { width: 13%; }
  .with-codes col.name { width: 27%; }
  .with-codes col.group { width: 16%; }
  .with-codes col.code { width: 10%; }
  .with-codes col.signature { width: 22%; }
  .with-codes col.note { width: 11%; }
  td.code { text-align: center; font-family: monospace, ${FONT_STACK}; letter-spacing: 0.5mm; }
  .signoff { break-inside: avoid; page-break-inside: avoid; margin-top: 10mm; margin-left: auto; width: 100mm; text-align: center; }
  .signoff p { margin: 0 0 2mm; white-space: nowrap; }
  .printed-at { margin-top: 6mm; font-size: 9pt; color: #333; }
  .toolbar { max-width: 186mm; margin: 4mm auto; text-align: right; }
  .toolbar button { font: inherit; font-size: 12pt; padding: 2mm 6mm; cursor: pointer; }
  @media screen {
    body { padding: 0 6mm 10mm; background: #f4f4f4; }
    /* As wide as an A4 page, so the screen shows the lines as they will print. */
    .sheet { max-width: 210mm; background: #fff; padding: 12mm; box-shadow: 0 0 2mm #bbb; }
    .toolbar { max-width: 210mm; }
  }
  @media print { .toolbar { display: none; } }
`;

/**
 * The attendance sheet as a complete HTML page. Every value from the database is escaped: names are typed by people.
 * With `printButton`, the page carries a button that prints it in the user's own browser (for servers without Chromium).
 */
export function renderAttendanceSheetHtml(sheet: AttendanceSheet, options: { printButton: boolean }): string {
  const codeCell = (code: string) => (sheet.showCheckInCodes ? `<td class="code">${escapeHtml(code)}</td>` : '');
  const listed = sheet.rows.map(
    (row, index) => `<tr>
        <td class="number">${index + 1}</td>
        <td class="name">${escapeHtml(row.fullName)}</td>
        <td class="group">${escapeHtml(row.group)}</td>
        <td class="village">${escapeHtml(row.village)}</td>
        ${codeCell(row.checkInCode)}<td class="signature"></td>
        <td class="note"></td>
      </tr>`,
  );
  const blank = Array.from(
    { length: sheet.blankRows },
    (_, index) => `<tr>
        <td class="number">${sheet.rows.length + index + 1}</td>
        <td class="name"></td><td class="group"></td><td class="village"></td>${codeCell('')}<td class="signature"></td><td class="note"></td>
      </tr>`,
  );
  const toolbar = options.printButton
    ? `<div class="toolbar"><button id="print-button" type="button">พิมพ์ใบลงชื่อ</button></div>`
    : '';
  const script = options.printButton ? `<script>${PRINT_SCRIPT}</script>` : '';
  return `<!DOCTYPE html>
<html lang="th">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(`${SHEET_TITLE} ${sheet.sessionTitle}`)}</title>
  <style>${sarabunFontFaces()}${STYLE}</style>
</head>
<body>
  ${toolbar}
  <main class="sheet">
    <header>
      <h1>${SHEET_TITLE}</h1>
      <p class="organization">${escapeHtml(sheet.organizationName)}</p>
      <p>โครงการ ${escapeHtml(sheet.programCode)} ${escapeHtml(sheet.programName)}</p>
      <p>${escapeHtml(sheet.sessionTitle)}</p>
      <p>${escapeHtml(sheet.schedule)}</p>
      <p>สถานที่ ${escapeHtml(sheet.venue)}</p>
    </header>
    <table${sheet.showCheckInCodes ? ' class="with-codes"' : ''}>
      <colgroup>
        <col class="number"><col class="name"><col class="group"><col class="village">${sheet.showCheckInCodes ? '<col class="code">' : ''}<col class="signature"><col class="note">
      </colgroup>
      <thead>
        <tr>${columnHeaders(sheet).map((header) => `<th>${header}</th>`).join('')}</tr>
      </thead>
      <tbody>
      ${[...listed, ...blank].join('\n      ')}
      </tbody>
    </table>
    <section class="signoff">
      <p>${ORGANIZER_SIGNATURE}</p>
      <p>${ORGANIZER_NAME_LINE}</p>
    </section>
    <p class="printed-at">พิมพ์เมื่อ ${escapeHtml(sheet.printedAt)} · รหัสรอบอบรม ${escapeHtml(sheet.joinCode)}</p>
  </main>
  ${script}
</body>
</html>
`;
}

