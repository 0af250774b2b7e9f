import { escapeHtml } from '../pdf/html';
import { sarabunFontFaces } from '../pdf/sarabun-font';

/** Everything printed on one certificate (เกียรติบัตร), as Thai text. */
export interface CertificatePage {
  organizationName: string;
  /** A data: URL of the organization's logo, or null. */
  logoDataUrl: string | null;
  fullName: string;
  programName: string;
  sessionTitle: string;
  /** The session's date in the Buddhist Era, e.g. "4 มีนาคม พ.ศ. 2568". */
  sessionDate: string;
  signatoryName: string | null;
  signatoryPosition: string | null;
  code: string;
  verifyUrl: string;
  /** The QR code of `verifyUrl` as an SVG document. */
  qrSvg: string;
}

export const CERTIFICATE_TITLE = 'เกียรติบัตร';
export const CERTIFICATE_PREAMBLE = 'ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า';

/** "ได้ผ่านการอบรมโครงการ…": a name that already says โครงการ or มาตรการ is not given the word twice. */
export function completionLine(programName: string): string {
  const name = programName.trim();
  return /^(โครงการ|มาตรการ)/.test(name) ? `ได้ผ่านการอบรม${name}` : `ได้ผ่านการอบรมโครงการ${name}`;
}

const STYLE = `
  @page { size: A4 landscape; margin: 0; }
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: "Sarabun", sans-serif; color: #1a1a1a; }
  .page { width: 297mm; height: 210mm; padding: 9mm; break-after: page; page-break-after: always; overflow: hidden; }
  .page:last-child { break-after: auto; page-break-after: auto; }
  .frame { position: relative; height: 100%; border: 1.6mm double #8a6d1f; padding: 9mm 18mm 8mm; text-align: center; }
  .logo { height: 24mm; max-width: 60mm; object-fit: contain; display: block; margin: 0 auto 2mm; }
  .organization { font-size: 17pt; font-weight: 700; margin: 0; }
  h1 { font-size: 40pt; font-weight: 700; color: #7a5c12; margin: 1mm 0 2mm; line-height: 1.2; }
  .preamble { font-size: 16pt; margin: 0; }
  .name { font-size: 30pt; font-weight: 700; margin: 3mm 0 3mm; line-height: 1.3; }
  .training { font-size: 16pt; margin: 0 auto; max-width: 230mm; line-height: 1.45; }
  .session { font-size: 14pt; margin: 1mm 0 0; }
  .date { font-size: 15pt; margin: 3mm 0 0; }
  .signoff { position: absolute; right: 22mm; bottom: 10mm; width: 95mm; text-align: center; font-size: 14pt; line-height: 1.5; }
  .signoff .line { margin-bottom: 1mm; }
  .signoff p { margin: 0; }
  .verify { position: absolute; left: 14mm; bottom: 8mm; display: flex; align-items: flex-end; gap: 3mm; text-align: left; font-size: 9.5pt; line-height: 1.35; }
  .verify .qr { width: 26mm; height: 26mm; }
  .verify .qr svg { width: 100%; height: 100%; display: block; }
  .verify .code { font-size: 12pt; font-weight: 700; letter-spacing: 0.4mm; }
  .verify .url { word-break: break-all; max-width: 75mm; color: #333; }
`;

function renderPage(page: CertificatePage): string {
  const logo = page.logoDataUrl ? `<img class="logo" src="${escapeHtml(page.logoDataUrl)}" alt="">` : '';
  const signatory = page.signatoryName
    ? `<p>(${escapeHtml(page.signatoryName)})</p>${page.signatoryPosition ? `<p>${escapeHtml(page.signatoryPosition)}</p>` : ''}`
    : `<p>(........................................................)</p>`;
  return `<section class="page"><div class="frame">
    ${logo}
    <p class="organization">${escapeHtml(page.organizationName)}</p>
    <h1>${CERTIFICATE_TITLE}</h1>
    <p class="preamble">${CERTIFICATE_PREAMBLE}</p>
    <p class="name">${escapeHtml(page.fullName)}</p>
    <p class="training">${escapeHtml(completionLine(page.programName))}</p>
    <p class="session">${escapeHtml(page.sessionTitle)}</p>
    <p class="date">ให้ไว้ ณ วันที่ ${escapeHtml(page.sessionDate)}</p>
    <div class="signoff">
      <p class="line">........................................................</p>
      ${signatory}
    </div>
    <div class="verify">
      <div class="qr">${page.qrSvg}</div>
      <div>
        <div>ตรวจสอบเกียรติบัตร</div>
        <div class="code">รหัส ${escapeHtml(page.code)}</div>
        <div class="url">${escapeHtml(page.verifyUrl)}</div>
      </div>
    </div>
  </div></section>`;
}

/** Certificates as one HTML document, one A4 landscape page each. Every value from the database is escaped. */
export function renderCertificatesHtml(pages: CertificatePage[]): string {
  return `<!DOCTYPE html>
<html lang="th">
<head>
  <meta charset="utf-8">
  <title>${CERTIFICATE_TITLE}</title>
  <style>${sarabunFontFaces()}\n${STYLE}</style>
</head>
<body>
${pages.map(renderPage).join('\n')}
</body>
</html>
`;
}
