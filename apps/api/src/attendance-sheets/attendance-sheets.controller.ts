import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AttendanceSheetParamDto } from './attendance-sheets.dto';
import { AttendanceSheetsService, SheetFile } from './attendance-sheets.service';

const binary = (type: string) => ({ [type]: { schema: { type: 'string', format: 'binary' } } });
const NOT_FOUND = { description: 'No such session in your organization (SESSION_NOT_FOUND)' };

/** The attendance sheet (ใบลงชื่อเข้าร่วมอบรม) of a session, for signatures. Files are sent as they are, not as JSON. */
@ApiTags('attendance-sheets')
@Controller('sessions/:id')
export class AttendanceSheetsController {
  constructor(private readonly sheets: AttendanceSheetsService) {}

  @Roles('organizer', 'admin')
  @Get('attendance-sheet.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Attendance sheet as an A4 PDF: the people enrolled, attended or absent, in Thai order, and 5 empty rows for walk-ins', content: binary('application/pdf') })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiServiceUnavailableResponse({ description: 'The server has no working Chromium: use attendance-sheet.html and print it in the browser (PDF_UNAVAILABLE)' })
  async pdf(@CurrentUser() user: AuthenticatedUser, @Param() params: AttendanceSheetParamDto, @Res() response: Response): Promise<void> {
    send(response, await this.sheets.pdf(user.organizationId, params.id));
  }

  @Roles('organizer', 'admin')
  @Get('attendance-sheet.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'Attendance sheet as an Excel workbook (one worksheet "ใบลงชื่อ", set up to print on A4 portrait)',
    content: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  })
  @ApiNotFoundResponse(NOT_FOUND)
  async xlsx(@CurrentUser() user: AuthenticatedUser, @Param() params: AttendanceSheetParamDto, @Res() response: Response): Promise<void> {
    send(response, await this.sheets.xlsx(user.organizationId, params.id));
  }

  @Roles('organizer', 'admin')
  @Get('attendance-sheet.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Attendance sheet as a printable web page with a print button, for servers without Chromium', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse(NOT_FOUND)
  async html(@CurrentUser() user: AuthenticatedUser, @Param() params: AttendanceSheetParamDto, @Res() response: Response): Promise<void> {
    send(response, await this.sheets.html(user.organizationId, params.id));
  }
}

function send(response: Response, file: SheetFile): void {
  response
    .set({
      ...file.headers,
      'Content-Type': file.contentType,
      'Content-Disposition': `${file.disposition}; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
      // Names of people: never kept by a shared cache or the browser's.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .send(file.content);
}

function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
