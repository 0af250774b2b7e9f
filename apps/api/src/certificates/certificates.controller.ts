import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CertificateCodeParamDto,
  CertificateVerificationDto,
  PersonCertificateParamDto,
  SessionCertificatesDto,
  SessionCertificatesParamDto,
  WithdrawCertificateRequestDto,
} from './certificates.dto';
import { CertificatesService } from './certificates.service';
import { CERTIFICATE_SITE_URL } from './site-url';
import { sendFile } from '../common/file-download';

const PDF = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };
const NO_CHROMIUM = { description: 'The server has no working Chromium (PDF_UNAVAILABLE)' };

/** Certificates (เกียรติบัตร) of a session for its staff, and the public check of a certificate's code. */
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    @Inject(CERTIFICATE_SITE_URL) private readonly publicUrl: string | null,
  ) {}

  @Roles('organizer', 'manager', 'admin')
  @Get('sessions/:id/certificates')
  @ZodResponse({ type: SessionCertificatesDto, description: "The session's attendees: who earns a certificate under the program-year's criterion, and those issued" })
  @ApiNotFoundResponse({ description: 'No such session in your organization (SESSION_NOT_FOUND)' })
  list(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionCertificatesParamDto) {
    return this.certificates.list(user.organizationId, params.id);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get('sessions/:id/certificates.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: "Every certificate of the session, one A4 landscape page each (issued now where not yet)", content: PDF })
  @ApiNotFoundResponse({ description: 'No such session (SESSION_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'Nobody has earned a certificate (CERTIFICATE_NOT_EARNED)' })
  @ApiServiceUnavailableResponse(NO_CHROMIUM)
  async sessionPdf(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionCertificatesParamDto, @Req() req: Request, @Res() res: Response) {
    sendFile(res, await this.certificates.sessionPdf(user.organizationId, params.id, this.siteUrl(req)));
  }

  @Roles('organizer', 'manager', 'admin')
  @Get('sessions/:id/certificates/:personId/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: "One person's certificate of the session (issued now if not yet; the same code every time)", content: PDF })
  @ApiNotFoundResponse({ description: 'No such session (SESSION_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'Not earned (CERTIFICATE_NOT_EARNED) or revoked (CERTIFICATE_REVOKED)' })
  @ApiServiceUnavailableResponse(NO_CHROMIUM)
  async personPdf(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonCertificateParamDto, @Req() req: Request, @Res() res: Response) {
    sendFile(res, await this.certificates.personPdf(user.organizationId, params.id, params.personId, this.siteUrl(req)));
  }

  @Roles('organizer', 'admin')
  @Post('sessions/:id/certificates/:personId/withdraw')
  @HttpCode(200)
  @ZodResponse({ type: SessionCertificatesDto, description: 'Withdrawn, with the reason; the list as it is now' })
  @ApiNotFoundResponse({ description: 'No such session, or no certificate issued (SESSION_NOT_FOUND, CERTIFICATE_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'Already revoked (CERTIFICATE_REVOKED)' })
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonCertificateParamDto, @Body() body: WithdrawCertificateRequestDto) {
    return this.certificates.withdraw(user, params.id, params.personId, body.reason);
  }

  @Public()
  @Get('certificates/verify/:code')
  @ZodResponse({ type: CertificateVerificationDto, description: 'The certificate of this code: name, training, session date, organization and status only' })
  @ApiNotFoundResponse({ description: 'No certificate has this code (CERTIFICATE_NOT_FOUND)' })
  @ApiTooManyRequestsResponse({ description: 'Too many unknown codes from this address (TOO_MANY_CERTIFICATE_LOOKUPS)' })
  verify(@Param() params: CertificateCodeParamDto, @Req() req: Request) {
    return this.certificates.verify(params.code, req.ip ?? req.socket.remoteAddress ?? '');
  }

  /** Where the QR code points: PUBLIC_URL, else the address the staff member's browser used. */
  private siteUrl(req: Request): string {
    return this.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  }
}
