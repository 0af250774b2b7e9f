import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain.error';
import { ProgramYear } from '../database/entities/program-year.entity';
import { Program } from '../database/entities/program.entity';
import { IndicatorsService } from '../indicators/indicators.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PdfPrinter } from '../pdf/pdf-printer';
import { PlanService } from '../plan/plan.service';
import { SessionsService } from '../sessions/sessions.service';
import { renderPlanReportHtml } from './plan-report.template';
import { renderProgramReportHtml, ReportSurvey } from './program-report.template';
import { formatDate, formatTime, reportFooterTemplate, ReportOrganization } from './report-format';

/** A file to send: its bytes and its names (ASCII for old clients, Thai for the rest). */
export interface ReportFile {
  content: Buffer;
  asciiFileName: string;
  fileName: string;
}

const UNAVAILABLE =
  'เครื่องแม่ข่ายสร้างไฟล์ PDF ไม่ได้ในขณะนี้ กรุณาลองใหม่ภายหลัง หรือแจ้งผู้ดูแลระบบ ระหว่างนี้ดูตัวเลขเดียวกันได้ในหน้าตัวชี้วัดและหน้าแผน';

/**
 * The reports a manager attaches upward, as PDF: one program in one fiscal year, and the whole plan. The figures are
 * the indicators page's and the plan page's own (the same services compute them); this only lays them out.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly plans: PlanService,
    private readonly sessions: SessionsService,
    private readonly assessments: AssessmentsService,
    private readonly organizations: OrganizationsService,
    private readonly printer: PdfPrinter,
    private readonly clock: Clock,
  ) {}

  async programReport(organizationId: string, programId: string, fiscalYear: number): Promise<ReportFile> {
    const program = await this.db.getRepository(Program).findOneBy({ id: programId, organizationId });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    const year = await this.db.getRepository(ProgramYear).findOneBy({ organizationId, programId, fiscalYear });
    const [indicator] = await this.indicators.indicatorsOf(organizationId, fiscalYear, [program]);
    if (!year || !indicator) {
      throw notFound('PROGRAM_YEAR_NOT_FOUND', `โครงการ ${program.code} ยังไม่ได้ตั้งเป้าหมายของปีงบประมาณ ${fiscalYear} จึงยังไม่มีรายงานของปีนี้`);
    }
    const [organization, { sessions }] = await Promise.all([
      this.organization(organizationId),
      this.sessions.list(organizationId, { programId, fiscalYear }),
    ]);
    const counted = sessions.filter((s) => s.status !== 'cancelled');
    // The year's surveys pooled (with the plan's follow-up outcomes), and each session's own as its page shows them.
    const yearSurvey = await this.assessments.programYearSurveyResults(organizationId, programId, fiscalYear);
    const sessionSurveys: ReportSurvey[] = [];
    for (const survey of yearSurvey.surveys.filter((s) => s.respondents > 0)) {
      sessionSurveys.push({ sessionTitle: survey.sessionTitle, results: await this.assessments.surveyResults(organizationId, survey.assessmentId) });
    }
    const now = this.clock.now();
    const html = renderProgramReportHtml({
      organization,
      program: {
        code: program.code,
        name: program.name,
        audience: program.audience,
        ownerUnit: year.ownerUnit,
        description: program.description,
        objectives: program.objectives,
      },
      fiscalYear,
      budgetBaht: year.budgetBaht,
      // In satang, so amounts with two decimals add up exactly (as the plan's own sum does).
      spentBaht: counted.reduce((total, s) => total + Math.round(s.spentBaht * 100), 0) / 100,
      indicator,
      sessions: sessions.map((s) => ({
        title: s.title,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        venue: s.venue,
        cancelled: s.status === 'cancelled',
        attended: s.attendedCount,
        spentBaht: s.spentBaht,
      })),
      yearSurvey,
      sessionSurveys,
      printedOn: formatDate(now),
      printedAt: `${formatDate(now)} เวลา ${formatTime(now)} น.`,
    });
    const content = await this.printer.print(html, reportFooterTemplate(), { unavailableMessage: UNAVAILABLE });
    const code = program.code.replace(/[^A-Za-z0-9.-]/g, '_');
    return { content, asciiFileName: `report-${code}-${fiscalYear}.pdf`, fileName: `รายงานโครงการ-${code}-${fiscalYear}.pdf` };
  }

  async planReport(organizationId: string, range: { from?: number; to?: number }): Promise<ReportFile> {
    const plan = await this.plans.plan(organizationId, range);
    const programs = await this.db.getRepository(Program).find({ where: { organizationId } });
    const active = programs.filter((p) => plan.programs.some((q) => q.id === p.id));
    const fiscalYears = Array.from({ length: plan.toFiscalYear - plan.fromFiscalYear + 1 }, (_, i) => plan.fromFiscalYear + i);
    const indicatorsByYear = new Map(
      await Promise.all(fiscalYears.map(async (y) => [y, await this.indicators.indicatorsOf(organizationId, y, active)] as const)),
    );
    const organization = await this.organization(organizationId);
    const now = this.clock.now();
    const html = renderPlanReportHtml({
      organization,
      fromFiscalYear: plan.fromFiscalYear,
      toFiscalYear: plan.toFiscalYear,
      programs: plan.programs.map((program) => ({
        code: program.code,
        name: program.name,
        years: program.years.map((y) => {
          const indicator = indicatorsByYear.get(y.fiscalYear)?.find((i) => i.programId === program.id);
          const basis = indicator?.indicatorBasis ?? 'pass_rate';
          return {
            fiscalYear: y.fiscalYear,
            configured: y.configured && indicator !== undefined,
            attended: y.attended,
            targetHeadcount: y.targetHeadcount,
            sessionsHeld: y.sessionsHeld,
            sessionsRequired: y.sessionsRequired,
            indicatorPercent: indicator ? (basis === 'mean_post_score' ? indicator.meanPostPercent : indicator.passRatePercent) : null,
            indicatorBasis: basis,
            targetPassRatePercent: indicator?.targetPassRatePercent ?? 0,
            indicatorStatus: indicator?.indicatorStatus ?? 'no_data',
            budgetBaht: y.budgetBaht,
            spentBaht: y.spentBaht,
          };
        }),
      })),
      printedOn: formatDate(now),
      printedAt: `${formatDate(now)} เวลา ${formatTime(now)} น.`,
    });
    const content = await this.printer.print(html, reportFooterTemplate(), { unavailableMessage: UNAVAILABLE });
    const years = `${plan.fromFiscalYear}-${plan.toFiscalYear}`;
    return { content, asciiFileName: `plan-report-${years}.pdf`, fileName: `รายงานแผน-${years}.pdf` };
  }

  private async organization(organizationId: string): Promise<ReportOrganization> {
    const profile = await this.organizations.profile(organizationId);
    const logo = profile.logoUrl
      ? await this.organizations.logo(organizationId).catch((error: unknown) => {
          // Removed between the two reads: the report goes without it.
          if (error instanceof DomainError) return null;
          throw error;
        })
      : null;
    return {
      name: profile.name,
      address: profile.address,
      signatoryName: profile.signatoryName,
      signatoryPosition: profile.signatoryPosition,
      logoDataUrl: logo ? `data:${logo.mediaType};base64,${logo.content.toString('base64')}` : null,
    };
  }
}
