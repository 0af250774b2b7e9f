import { Module } from '@nestjs/common';
import { PdfPrinter } from './pdf-printer';

/** One Chromium for every PDF the server prints (attendance sheets, reports). */
@Module({ providers: [PdfPrinter], exports: [PdfPrinter] })
export class PdfModule {}
