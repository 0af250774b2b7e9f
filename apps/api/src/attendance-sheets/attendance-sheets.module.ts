import { Module } from '@nestjs/common';
import { AttendanceSheetsController } from './attendance-sheets.controller';
import { AttendanceSheetsService } from './attendance-sheets.service';
import { PdfPrinter } from './pdf-printer';

@Module({ controllers: [AttendanceSheetsController], providers: [AttendanceSheetsService, PdfPrinter], exports: [PdfPrinter] })
export class AttendanceSheetsModule {}
