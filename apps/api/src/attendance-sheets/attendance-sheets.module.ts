import { Module } from '@nestjs/common';
import { PdfModule } from '../pdf/pdf.module';
import { AttendanceSheetsController } from './attendance-sheets.controller';
import { AttendanceSheetsService } from './attendance-sheets.service';

@Module({ imports: [PdfModule], controllers: [AttendanceSheetsController], providers: [AttendanceSheetsService] })
export class AttendanceSheetsModule {}
