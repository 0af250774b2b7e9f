import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonGroup } from '@sujarit/contracts';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain.error';
import { Enrolment, EnrolmentStatus } from '../database/entities/enrolment.entity';
import { ERASED_NAME } from '../people/people.service';
import { TrainingSession } from '../database/entities/training-session.entity';
import {
  AttendanceSheet,
  columnHeaders,
  HTML_CONTENT_SECURITY_POLICY,
  ORGANIZER_NAME_LINE,
  ORGANIZER_SIGNATURE,
  pdfFooterTemplate,
  renderAttendanceSheetHtml,
  SHEET_TITLE,
} from './attendance-sheet.template';
import { PdfPrinter } from '../pdf/pdf-printer';

/** Everyone expected in the room: withdrawn and waitlisted people are not. */
const LISTED: EnrolmentStatus[] = ['enrolled', 'attended', 'absent'];
const WALK_IN_ROWS = 5;
const GROUP_NAMES: Record<PersonGroup, string> = {
  staff: 'เจ้าหน้าที่/พนักงาน',
  executive: 'ผู้บริหาร',
  council_member: 'สมาชิกสภา',
  citizen: 'ประชาชน',
  youth: 'เด็กและเยาวชน',
};

const bangkokDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long' });
const bangkokTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A file to send: its bytes, type, and names (ASCII for old clients, Thai for the rest). */
export interface SheetFile {
  content: Buffer;
  contentType: string;
  disposition: 'attachment' | 'inline';
  asciiFileName: string;
  fileName: string;
  /** Extra response headers, e.g. the HTML page's content security policy. */
  headers: Record<string, string>;
}

/** The printable attendance sheet of a session, for signatures: PDF, XLSX, or HTML for the user's own browser. */
@Injectable()
export class AttendanceSheetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly printer: PdfPrinter,
    private readonly clock: Clock,
  ) {}

  async pdf(organizationId: string, sessionId: string): Promise<SheetFile> {
    const sheet = await this.load(organizationId, sessionId);
    const content = await this.printer.print(renderAttendanceSheetHtml(sheet, { printButton: false }), pdfFooterTemplate());
    return file(sheet, 'pdf', 'application/pdf', content);
  }

  async html(organizationId: string, sessionId: string): Promise<SheetFile> {
    const sheet = await this.load(organizationId, sessionId);
    const content = Buffer.from(renderAttendanceSheetHtml(sheet, { printButton: true }), 'utf8');
    return {
      ...file(sheet, 'html', 'text/html; charset=utf-8', content),
      // Opened in the browser to be printed there, not saved.
      disposition: 'inline',
      headers: { 'Content-Security-Policy': HTML_CONTENT_SECURITY_POLICY },
    };
  }

  async xlsx(organizationId: string, sessionId: string): Promise<SheetFile> {
    const sheet = await this.load(organizationId, sessionId);
    const content = await toWorkbook(sheet);
    return file(sheet, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content);
  }

  private async load(organizationId: string, sessionId: string): Promise<AttendanceSheet> {
    const session = await this.db.getRepository(TrainingSession).findOne({
      where: { id: sessionId, organizationId },
      relations: { program: { organization: true } },
    });
    if (!session?.program?.organization) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
    const enrolments = await this.db.getRepository(Enrolment).find({
      where: { sessionId, organizationId, status: In(LISTED) },
      relations: { person: true },
    });
    const collator = new Intl.Collator('th');
    const people = enrolments.flatMap((e) => (e.person ? [{ ...e.person, checkInCode: e.checkInCode }] : []));
    // Erased people have no name left to look up, so they come after everyone who does.
    const named = people.filter((p) => !p.erasedAt).sort((a, b) => collator.compare(a.fullName, b.fullName));
    const erased = people.filter((p) => p.erasedAt);
    const showCheckInCodes = session.requireCheckInCode;
    const now = this.clock.now();
    return {
      organizationName: session.program.organization.name,
      programCode: session.program.code,
      programName: session.program.name,
      sessionTitle: session.title,
      joinCode: session.joinCode,
      schedule: schedule(session.startsAt, session.endsAt),
      venue: session.venue,
      rows: [
        ...named.map((p) => ({
          fullName: p.fullName,
          group: GROUP_NAMES[p.group],
          village: p.village === null ? '' : String(p.village),
          checkInCode: showCheckInCodes ? p.checkInCode : '',
        })),
        // Nobody can check in as an erased person: no code is printed for them.
        ...erased.map((p) => ({ fullName: ERASED_NAME, group: GROUP_NAMES[p.group], village: '', checkInCode: '' })),
      ],
      showCheckInCodes,
      blankRows: WALK_IN_ROWS,
      printedAt: `${bangkokDate.format(now)} เวลา ${bangkokTime.format(now)} น.`,
    };
  }
}

function schedule(startsAt: Date, endsAt: Date): string {
  const [startDay, endDay] = [bangkokDate.format(startsAt), bangkokDate.format(endsAt)];
  const [startTime, endTime] = [bangkokTime.format(startsAt), bangkokTime.format(endsAt)];
  return startDay === endDay
    ? `วันที่ ${startDay} เวลา ${startTime} – ${endTime} น.`
    : `ตั้งแต่วันที่ ${startDay} เวลา ${startTime} น. ถึงวันที่ ${endDay} เวลา ${endTime} น.`;
}

function file(sheet: AttendanceSheet, extension: string, contentType: string, content: Buffer): SheetFile {
  const code = sheet.joinCode.replace(/[^A-Za-z0-9]/g, '');
  return {
    content,
    contentType,
    disposition: 'attachment',
    asciiFileName: `attendance-${code}.${extension}`,
    fileName: `ใบลงชื่อ-${code}.${extension}`,
    headers: {},
  };
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: 'Tahoma', size: 11 };

/** The same sheet as an Excel workbook: one worksheet, A4 portrait fitted to the page width. */
async function toWorkbook(sheet: AttendanceSheet): Promise<Buffer> {
  // Loaded when a workbook is first needed: exceljs is large (~30 MB resident) and most requests never use it.
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sujarit';
  const ws = workbook.addWorksheet('ใบลงชื่อ', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'หน้า &P / &N' },
  });
  const headers = columnHeaders(sheet);
  ws.columns = sheet.showCheckInCodes
    ? [{ width: 7 }, { width: 31 }, { width: 17 }, { width: 8 }, { width: 11 }, { width: 26 }, { width: 14 }]
    : [{ width: 7 }, { width: 34 }, { width: 19 }, { width: 8 }, { width: 28 }, { width: 18 }];
  const lastColumn = headers.length;
  const centred = new Set(sheet.showCheckInCodes ? [1, 4, 5] : [1, 4]);

  const banner = (text: string, options: { bold?: boolean; size?: number } = {}) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, lastColumn);
    const cell = row.getCell(1);
    cell.font = { ...FONT, bold: options.bold ?? false, size: options.size ?? FONT.size };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = wrappedLines(text, (options.size ?? FONT.size) / FONT.size) * (options.size ?? FONT.size) * 1.9;
  };
  banner(SHEET_TITLE, { bold: true, size: 16 });
  banner(sheet.organizationName, { bold: true, size: 13 });
  banner(`โครงการ ${sheet.programCode} ${sheet.programName}`);
  banner(sheet.sessionTitle);
  banner(sheet.schedule);
  banner(`สถานที่ ${sheet.venue}`);
  ws.addRow([]);

  const header = ws.addRow(headers);
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = BORDER;
  });
  // The header row repeats on every printed page.
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  const lines = [
    ...sheet.rows.map((r) => [r.fullName, r.group, r.village, r.checkInCode]),
    ...Array.from({ length: sheet.blankRows }, () => ['', '', '', '']),
  ];
  lines.forEach(([fullName, group, village, checkInCode], index) => {
    // The code stays text, so Excel keeps its leading zeros.
    const row = ws.addRow([index + 1, fullName, group, village, ...(sheet.showCheckInCodes ? [checkInCode] : []), '', '']);
    // About 12 mm: room for a signature.
    row.height = 34;
    for (let c = 1; c <= lastColumn; c++) {
      const cell = row.getCell(c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: centred.has(c) ? 'center' : 'left', wrapText: c === 2 || c === 3 };
    }
  });

  ws.addRow([]);
  for (const text of [ORGANIZER_SIGNATURE, ORGANIZER_NAME_LINE]) {
    const row = ws.addRow([]);
    ws.mergeCells(row.number, 2, row.number, lastColumn);
    row.getCell(2).value = text;
    row.getCell(2).font = FONT;
    row.getCell(2).alignment = { horizontal: 'right', vertical: 'bottom' };
    row.height = 28;
  }
  ws.addRow([]);
  const printed = ws.addRow([`พิมพ์เมื่อ ${sheet.printedAt} · รหัสรอบอบรม ${sheet.joinCode}`]);
  ws.mergeCells(printed.number, 1, printed.number, lastColumn);
  printed.getCell(1).font = { ...FONT, size: 9 };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Excel does not grow a merged row to fit its text, so the header lines are sized by an estimate: Thai marks
 * above and below take no width, and about 95 letters of 11-point Tahoma fit across the six columns.
 */
function wrappedLines(text: string, scale: number): number {
  const letters = text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
  return Math.max(1, Math.ceil((letters * scale) / 95));
}
