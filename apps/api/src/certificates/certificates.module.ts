import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { AuditModule } from '../audit/audit.module';
import { parsePublicUrl } from '../common/public-url';
import { PdfModule } from '../pdf/pdf.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CERTIFICATE_SITE_URL } from './site-url';

/** Certificates (เกียรติบัตร): printed through the shared PDF printer, so the server runs one Chromium. */
@Module({
  imports: [AttemptsModule, AuditModule, PdfModule],
  controllers: [CertificatesController],
  providers: [CertificatesService, { provide: CERTIFICATE_SITE_URL, useFactory: () => parsePublicUrl(process.env.PUBLIC_URL) }],
})
export class CertificatesModule {}
