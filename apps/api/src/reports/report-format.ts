import { escapeHtml } from '../pdf/html';
import { sarabunFontFaces } from '../pdf/sarabun-font';

/** Numbers the Thai way in Arabic digits, as the screens show them; percents and gains to two decimals. */
const integer = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });
const satang = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedTwoDecimals = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const bangkokDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long' });
const bangkokTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const NO_FIGURE = '–';

export const formatCount = (value: number) => integer.format(value);
export const formatPercent = (value: number | null) => (value === null ? NO_FIGURE : `${twoDecimals.format(value)}%`);
export const formatPoints = (value: number | null) => (value === null ? NO_FIGURE : signedTwoDecimals.format(value));
export const formatGain = (value: number | null) => (value === null ? NO_FIGURE : satang.format(value));
export const formatMean = (value: number | null) => (value === null ? NO_FIGURE : satang.format(value));
/** Baht with satang only when there are any: 250000 → "250,000", 1234.5 → "1,234.50". */
export const formatBaht = (value: number) => (Number.isInteger(value) ? integer : satang).format(value);
/** A day on the Bangkok calendar in the Buddhist Era, e.g. "4 มีนาคม 2568". */
export const formatDate = (instant: Date) => bangkokDate.format(instant);
export const formatTime = (instant: Date) => bangkokTime.format(instant);

/** A session's day and hours as lines, e.g. ["4 มีนาคม 2568", "09:00–16:00 น."] (both days when it runs over more than one). */
export function formatSchedule(startsAt: Date, endsAt: Date): string[] {
  const [startDay, endDay] = [formatDate(startsAt), formatDate(endsAt)];
  return startDay === endDay
    ? [startDay, `${formatTime(startsAt)}–${formatTime(endsAt)} น.`]
    : [`${startDay} ${formatTime(startsAt)} น. –`, `${endDay} ${formatTime(endsAt)} น.`];
}

/** Escaped text with its line breaks kept (program text is typed in several lines). */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');

/**
 * Page numbers at the foot of each page; Chromium fills in the two spans. The footer is drawn apart from the page and
 * does not see its fonts, so it carries Sarabun itself.
 */
export function reportFooterTemplate(): string {
  return `<style>${sarabunFontFaces()}</style><div style="width:100%;font-family:'Sarabun','Noto Sans Thai','Loma',sans-serif;font-size:8pt;color:#444;text-align:center;">หน้า <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}

/** The organization as the heading of every report: its logo when it has one, its name, the report's title lines. */
export interface ReportOrganization {
  name: string;
  address: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
  /** The logo as a data URL (its bytes were checked as PNG or JPEG on upload); null without one. */
  logoDataUrl: string | null;
}

/**
 * The whole page: Sarabun inlined (no request leaves the page), A4, and Chromium's own Thai line breaking (it breaks
 * between words by its dictionary, never between a letter and its marks), `lang="th"` so it knows the text is Thai.
 */
export function reportPage(title: string, body: string, extraStyle = ''): string {
  return `<!DOCTYPE html>
<html lang="th">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <style>
${sarabunFontFaces()}
${STYLE}
${extraStyle}
  </style>
</head>
<body>
  <main class="report">
${body}
  </main>
</body>
</html>
`;
}

export function reportHeading(organization: ReportOrganization, lines: string[]): string {
  const logo = organization.logoDataUrl ? `<img class="logo" src="${escapeHtml(organization.logoDataUrl)}" alt="">` : '';
  return `<header class="heading">
      ${logo}
      <p class="organization">${escapeHtml(organization.name)}</p>
      ${lines.map((line, i) => (i === 0 ? `<h1>${escapeHtml(line)}</h1>` : `<p>${escapeHtml(line)}</p>`)).join('\n      ')}
    </header>`;
}

/** The signature block: a line to sign on, the signatory's name and position from the profile, and the date. */
export function signatureBlock(organization: ReportOrganization, printedOn: string, role = 'ผู้รายงาน'): string {
  const name = organization.signatoryName?.trim() ? `( ${escapeHtml(organization.signatoryName.trim())} )` : '( ........................................................ )';
  const position = organization.signatoryPosition?.trim() ? escapeHtml(organization.signatoryPosition.trim()) : 'ตำแหน่ง ........................................................';
  return `<section class="signoff">
      <p>ลงชื่อ ........................................................ ${escapeHtml(role)}</p>
      <p>${name}</p>
      <p>${position}</p>
      <p>วันที่ ${escapeHtml(printedOn)}</p>
    </section>`;
}

const STYLE = `
  @page { size: A4 portrait; margin: 16mm 15mm 18mm 20mm; }
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: "Sarabun", "Noto Sans Thai", "Loma", sans-serif; font-size: 13pt; line-height: 1.5; color: #000; }
  .report { margin: 0 auto; }
  .heading { text-align: center; margin-bottom: 5mm; }
  .heading .logo { display: block; margin: 0 auto 2mm; max-height: 26mm; max-width: 40mm; }
  .heading .organization { font-size: 16pt; font-weight: bold; margin: 0; }
  .heading h1 { font-size: 17pt; margin: 1mm 0; }
  .heading p { margin: 0; }
  h2 { font-size: 14.5pt; margin: 5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 13.5pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
  p { margin: 0 0 1mm; }
  .indent p { text-indent: 10mm; }
  .muted { color: #333; }
  .definition { font-size: 11pt; color: #333; }
  table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 2mm; font-size: 12pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { border: 0.3mm solid #000; padding: 0.8mm 1.5mm; vertical-align: top; overflow-wrap: break-word; }
  th { background: #e8e8e8; font-weight: bold; text-align: center; }
  td.number { text-align: right; white-space: nowrap; }
  td.centre { text-align: center; }
  td.nowrap { white-space: nowrap; }
  .status { font-weight: bold; }
  .signoff { break-inside: avoid; page-break-inside: avoid; margin: 14mm 0 0 auto; width: 95mm; text-align: center; }
  .signoff p { margin: 0 0 2mm; }
  .printed-at { margin-top: 8mm; font-size: 10pt; color: #333; }
`;
