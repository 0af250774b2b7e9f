import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CERTIFICATE_CODE_ALPHABET,
  CERTIFICATE_CODE_LENGTH,
  CertificateCodeSchema,
  DEFAULT_PASS_MARK_PERCENT,
  type CertificateCriterion,
  type CertificateVerification,
  type SessionCertificates,
} from '@sujarit/contracts';
import { qualifiesForCertificate } from '@sujarit/domain';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { PdfPrinter } from '../pdf/pdf-printer';
import { SheetFile } from '../attendance-sheets/attendance-sheets.service';
import { AttemptsService } from '../attempts/attempts.service';
import { actorOf, AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Certificate } from '../database/entities/certificate.entity';
import { CertificateCode } from '../database/entities/certificate-code.entity';
import { Enrolment } from '../database/entities/enrolment.entity';
import { OrganizationLogo } from '../database/entities/organization-logo.entity';
import { Person } from '../database/entities/person.entity';
import { ProgramYear } from '../database/entities/program-year.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { enterOrganizationOf } from '../database/tenancy';
import { ThrottleService } from '../throttle/throttle.service';
import { CertificatePage, renderCertificatesHtml } from './certificate.template';

/** Unknown codes: 100 per 15 minutes per client address, as for join codes. */
const WRONG_CODE_LIMIT = 100;
const WRONG_CODE_WINDOW_MS = 15 * 60 * 1000;
const wrongCodes = (address: string) => ({ key: `certificate-code\n${address}`, limit: WRONG_CODE_LIMIT, windowMs: WRONG_CODE_WINDOW_MS });

const sessionNotFound = () => notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
const certificateNotFound = () => notFound('CERTIFICATE_NOT_FOUND', 'ไม่พบเกียรติบัตรรหัสนี้ กรุณาตรวจสอบรหัสอีกครั้ง');
const tooManyLookups = () =>
  new DomainError(
    'TOO_MANY_CERTIFICATE_LOOKUPS',
    'ตรวจสอบรหัสเกียรติบัตรที่ไม่มีอยู่จริงหลายครั้งเกินไปจากเครือข่ายนี้ กรุณารอ 15 นาทีแล้วลองใหม่',
    HttpStatus.TOO_MANY_REQUESTS,
  );

const bangkokDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' });
const thaiDay = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long' });
const thaiYear = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', year: 'numeric' });

/** "4 มีนาคม พ.ศ. 2568": the session's first day on the Bangkok calendar. */
export function thaiCertificateDate(date: Date): string {
  return `${thaiDay.format(date)} พ.ศ. ${thaiYear.format(date).replace(/\D/g, '')}`;
}

/** A verification code: uniform letters of the unambiguous alphabet from the system's secure random source. */
function newCode(): string {
  let code = '';
  for (let i = 0; i < CERTIFICATE_CODE_LENGTH; i++) code += CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)];
  return code;
}

interface Attendee {
  personId: string;
  fullName: string;
  erased: boolean;
  attended: boolean;
  postPercent: number | null;
  qualifies: boolean;
}

interface SessionContext {
  session: TrainingSession;
  criterion: CertificateCriterion;
  passMarkPercent: number;
  attendees: Attendee[];
  certificates: Map<string, Certificate>;
}

/**
 * Certificates (เกียรติบัตร) of a session: who earned one under the program-year's criterion, issuing them on demand
 * (one per person and session, the same code however often asked), their PDF, withdrawal, and the public check by code.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly printer: PdfPrinter,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string, sessionId: string): Promise<SessionCertificates> {
    const context = await this.load(organizationId, sessionId);
    const shown = context.attendees.filter((a) => a.attended || context.certificates.has(a.personId));
    return {
      sessionId,
      criterion: context.criterion,
      passMarkPercent: context.passMarkPercent,
      people: shown.map((a) => {
        const certificate = context.certificates.get(a.personId);
        return {
          personId: a.personId,
          fullName: a.fullName,
          attended: a.attended,
          postPercent: a.postPercent,
          qualifies: a.qualifies,
          certificate: certificate
            ? {
                code: certificate.code,
                issuedAt: certificate.issuedAt.toISOString(),
                revokedAt: certificate.revokedAt?.toISOString() ?? null,
                revocationCause: certificate.revocationCause,
                revocationReason: certificate.revocationReason,
              }
            : null,
        };
      }),
    };
  }

  /** One person's certificate of the session as a PDF, issued now if it was not yet. */
  async personPdf(organizationId: string, sessionId: string, personId: string, siteUrl: string): Promise<SheetFile> {
    const context = await this.load(organizationId, sessionId);
    const attendee = context.attendees.find((a) => a.personId === personId);
    const existing = context.certificates.get(personId);
    if (!attendee) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมคนนี้ในรอบอบรมนี้');
    if (!existing && !attendee.qualifies) {
      throw conflict('CERTIFICATE_NOT_EARNED', 'ผู้เข้าอบรมคนนี้ยังไม่ผ่านเกณฑ์การได้รับเกียรติบัตรของรอบอบรมนี้');
    }
    if (existing?.revokedAt || attendee.erased) throw conflict('CERTIFICATE_REVOKED', 'เกียรติบัตรของผู้เข้าอบรมคนนี้ถูกเพิกถอนแล้ว');
    const [certificate] = await this.issue(organizationId, sessionId, [personId]);
    const content = await this.render(organizationId, context.session, [{ attendee, certificate }], siteUrl);
    return pdfFile(content, `certificate-${certificate.code}`, `เกียรติบัตร-${certificate.code}`);
  }

  /** Every certificate of the session in one PDF: everyone who earned one, issued now where not yet; revoked ones left out. */
  async sessionPdf(organizationId: string, sessionId: string, siteUrl: string): Promise<SheetFile> {
    const context = await this.load(organizationId, sessionId);
    const earned = context.attendees.filter((a) => {
      const existing = context.certificates.get(a.personId);
      return !a.erased && (existing ? !existing.revokedAt : a.qualifies);
    });
    if (earned.length === 0) throw conflict('CERTIFICATE_NOT_EARNED', 'ยังไม่มีผู้ผ่านเกณฑ์การได้รับเกียรติบัตรในรอบอบรมนี้');
    const issued = await this.issue(organizationId, sessionId, earned.map((a) => a.personId));
    const byPerson = new Map(issued.map((c) => [c.personId, c]));
    const collator = new Intl.Collator('th');
    const pages = earned
      .sort((a, b) => collator.compare(a.fullName, b.fullName))
      .flatMap((attendee) => {
        const certificate = byPerson.get(attendee.personId);
        return certificate && !certificate.revokedAt ? [{ attendee, certificate }] : [];
      });
    const content = await this.render(organizationId, context.session, pages, siteUrl);
    const code = context.session.joinCode.replace(/[^A-Za-z0-9]/g, '');
    return pdfFile(content, `certificates-${code}`, `เกียรติบัตร-รอบ-${code}`);
  }

  /** Withdraws a person's certificate of the session, with the organizer's reason; it stops verifying at once. */
  async withdraw(user: AuthenticatedUser, sessionId: string, personId: string, reason: string): Promise<SessionCertificates> {
    const { organizationId } = user;
    await this.requireSession(this.db.manager, organizationId, sessionId);
    await this.db.transaction(async (manager) => {
      const certificate = await manager.findOne(Certificate, {
        where: { organizationId, sessionId, personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!certificate) throw notFound('CERTIFICATE_NOT_FOUND', 'ยังไม่ได้ออกเกียรติบัตรให้ผู้เข้าอบรมคนนี้ในรอบอบรมนี้');
      if (certificate.revokedAt) throw conflict('CERTIFICATE_REVOKED', 'เกียรติบัตรนี้ถูกเพิกถอนไปแล้ว');
      await manager.update(
        Certificate,
        { organizationId, id: certificate.id },
        { revokedAt: this.clock.now(), revocationCause: 'withdrawn', revocationReason: reason },
      );
      // The code and registry ids only: the reason may name the person, and the log outlives an erasure.
      await this.audit.record(manager, actorOf(user), {
        action: 'certificate.withdrawn',
        subject: { id: certificate.id, label: certificate.code },
        details: { sessionId, personId },
      });
    });
    return this.list(organizationId, sessionId);
  }

  /** The public check of a code: only the name, training, date, organization and status. */
  async verify(code: string, address: string): Promise<CertificateVerification> {
    if (!(await this.throttle.isLimited(wrongCodes(address))).allowed) throw tooManyLookups();
    const found = CertificateCodeSchema.safeParse(code).success && (await enterOrganizationOf(this.db.manager, 'certificateCode', code));
    const rows: {
      full_name: string;
      erased_at: Date | null;
      revoked_at: Date | null;
      program_name: string;
      starts_at: Date;
      organization_name: string;
    }[] = found
      ? await this.db.query(
          `SELECT p.full_name, p.erased_at, c.revoked_at, g.name AS program_name, s.starts_at, o.name AS organization_name
             FROM certificates c
             JOIN people p ON p.organization_id = c.organization_id AND p.id = c.person_id
             JOIN training_sessions s ON s.organization_id = c.organization_id AND s.id = c.session_id
             JOIN programs g ON g.organization_id = s.organization_id AND g.id = s.program_id
             JOIN organizations o ON o.id = c.organization_id
            WHERE c.code = $1`,
          [code],
        )
      : [];
    const row = rows[0];
    if (!row) {
      if (!(await this.throttle.take([wrongCodes(address)])).allowed) throw tooManyLookups();
      throw certificateNotFound();
    }
    const revokedAt = row.revoked_at ?? row.erased_at;
    return {
      code,
      status: revokedAt ? 'revoked' : 'valid',
      fullName: revokedAt ? null : row.full_name,
      training: row.program_name,
      sessionDate: bangkokDay.format(row.starts_at),
      organizationName: row.organization_name,
      revokedAt: revokedAt?.toISOString() ?? null,
    };
  }

  /**
   * The certificates of these people in the session, issued where missing. Issues of one session wait for each other
   * (an advisory lock), so two requests at once give one person one certificate and one code.
   */
  private async issue(organizationId: string, sessionId: string, personIds: string[]): Promise<Certificate[]> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('certificates:' || $1))`, [sessionId]);
      const existing = await manager.find(Certificate, { where: { organizationId, sessionId, personId: In(personIds) } });
      const have = new Set(existing.map((c) => c.personId));
      const missing = personIds.filter((id) => !have.has(id));
      if (missing.length === 0) return existing;
      const now = this.clock.now();
      const fresh = missing.map((personId) => ({ organizationId, sessionId, personId, code: newCode(), issuedAt: now }));
      await manager.insert(CertificateCode, fresh.map(({ code }) => ({ code, organizationId })));
      await manager.insert(Certificate, fresh);
      return manager.find(Certificate, { where: { organizationId, sessionId, personId: In(personIds) } });
    });
  }

  private async render(
    organizationId: string,
    session: TrainingSession,
    pages: { attendee: Attendee; certificate: Certificate }[],
    siteUrl: string,
  ): Promise<Buffer> {
    const program = session.program;
    const organization = program?.organization;
    // Loaded with its program and organization by the caller; a session without them is a bug here, not bad input.
    if (!program || !organization) throw new Error('certificates: session loaded without its program and organization');
    const logo = await this.db.getRepository(OrganizationLogo).findOneBy({ organizationId });
    // Loaded on the first certificate only, like the printer's browser.
    const QRCode = require('qrcode') as typeof import('qrcode');
    const printed: CertificatePage[] = [];
    for (const { attendee, certificate } of pages) {
      const verifyUrl = `${siteUrl}/verify/${certificate.code}`;
      printed.push({
        organizationName: organization.name,
        logoDataUrl: logo ? `data:${logo.mediaType};base64,${logo.content.toString('base64')}` : null,
        fullName: attendee.fullName,
        programName: program.name,
        sessionTitle: session.title,
        sessionDate: thaiCertificateDate(session.startsAt),
        signatoryName: organization.signatoryName,
        signatoryPosition: organization.signatoryPosition,
        code: certificate.code,
        verifyUrl,
        qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 }),
      });
    }
    return this.printer.print(renderCertificatesHtml(printed), '', { landscape: true });
  }

  private async requireSession(manager: EntityManager, organizationId: string, sessionId: string): Promise<TrainingSession> {
    const session = await manager.getRepository(TrainingSession).findOne({
      where: { id: sessionId, organizationId },
      relations: { program: { organization: true } },
    });
    if (!session?.program?.organization) throw sessionNotFound();
    return session;
  }

  /** The session, its program-year's criterion, everyone enrolled with their counting post-test, and the certificates issued. */
  private async load(organizationId: string, sessionId: string): Promise<SessionContext> {
    const session = await this.requireSession(this.db.manager, organizationId, sessionId);
    const year = await this.db.getRepository(ProgramYear).findOneBy({ organizationId, programId: session.programId, fiscalYear: session.fiscalYear });
    const criterion = year?.certificateCriterion ?? 'attended';
    const passMarkPercent = year?.passMarkPercent ?? DEFAULT_PASS_MARK_PERCENT;
    const [enrolments, scores, certificates] = await Promise.all([
      this.db.getRepository(Enrolment).find({ where: { organizationId, sessionId }, relations: { person: true } }),
      this.attempts.countingScoresOfSession(organizationId, sessionId),
      this.db.getRepository(Certificate).find({ where: { organizationId, sessionId } }),
    ]);
    const collator = new Intl.Collator('th');
    const attendees = enrolments
      .filter((e): e is Enrolment & { person: Person } => e.person !== undefined)
      .map((e) => {
        const attended = e.status === 'attended';
        const postPercent = scores.get(e.id)?.postPercent ?? null;
        const erased = e.person.erasedAt !== null;
        return {
          personId: e.personId,
          fullName: e.person.fullName,
          erased,
          attended,
          postPercent,
          qualifies: !erased && qualifiesForCertificate(criterion, { attended, postPercent }, passMarkPercent),
        };
      })
      .sort((a, b) => collator.compare(a.fullName, b.fullName));
    return { session, criterion, passMarkPercent, attendees, certificates: new Map(certificates.map((c) => [c.personId, c])) };
  }
}

function pdfFile(content: Buffer, asciiName: string, thaiName: string): SheetFile {
  return {
    content,
    contentType: 'application/pdf',
    disposition: 'attachment',
    asciiFileName: `${asciiName}.pdf`,
    fileName: `${thaiName}.pdf`,
    headers: {},
  };
}
