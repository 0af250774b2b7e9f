import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CopyYearResult, Plan } from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { Between, DataSource, In, IsNull } from 'typeorm';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain.error';
import { IndicatorsService } from '../indicators/indicators.service';
import { PROGRAM_YEAR_SETTINGS, ProgramYear, programYearSettingsOf } from '../database/entities/program-year.entity';
import { Program } from '../database/entities/program.entity';

/** The plan across fiscal years: targets, attendance, sessions and money, program by program. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async plan(organizationId: string, range: { from?: number; to?: number }): Promise<Plan> {
    const { from, to } = await this.resolveRange(organizationId, range);
    const [programs, years, progress] = await Promise.all([
      this.db.getRepository(Program).find({ where: { organizationId, archivedAt: IsNull() }, order: { code: 'ASC' } }),
      this.db.getRepository(ProgramYear).find({ where: { organizationId, fiscalYear: Between(from, to) } }),
      this.indicators.progressByProgramYear(organizationId, from, to),
    ]);
    const fiscalYears = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    return {
      fromFiscalYear: from,
      toFiscalYear: to,
      programs: programs.map((program) => ({
        id: program.id,
        code: program.code,
        name: program.name,
        years: fiscalYears.map((fiscalYear) => {
          const settings = years.find((y) => y.programId === program.id && y.fiscalYear === fiscalYear);
          const done = progress.get(`${program.id}:${fiscalYear}`);
          return {
            fiscalYear,
            configured: settings !== undefined,
            targetHeadcount: settings?.targetHeadcount ?? 0,
            attended: done?.attended ?? 0,
            enrolled: done?.enrolled ?? 0,
            waitlisted: done?.waitlisted ?? 0,
            sessionsHeld: done?.sessionsHeld ?? 0,
            sessionsRequired: settings?.sessionsRequired ?? 0,
            spentBaht: done?.spentBaht ?? 0,
            budgetBaht: settings?.budgetBaht ?? 0,
          };
        }),
      })),
    };
  }

  /** Copies every program's settings of one year to another; existing ones are kept unless overwrite is set. */
  async copyYear(
    user: AuthenticatedUser,
    request: { fromFiscalYear: number; toFiscalYear?: number; overwrite: boolean },
  ): Promise<CopyYearResult> {
    const { organizationId } = user;
    const from = request.fromFiscalYear;
    const to = request.toFiscalYear ?? from + 1;
    if (to === from) throw new DomainError('VALIDATION_FAILED', 'ปีปลายทางต้องไม่ใช่ปีเดียวกับปีต้นทาง');
    return this.db.transaction(async (manager) => {
      // One copy into a year at a time per organization: parallel copies would otherwise lock the same new rows
      // in different orders and deadlock (the second one waits here, then finds the rows and skips them).
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sujarit:copy-year:${organizationId}:${to}`]);
      const years = manager.getRepository(ProgramYear);
      // Archived programs are out of the plan: nothing is copied to them.
      const source = await years.find({
        where: { organizationId, fiscalYear: from, program: { archivedAt: IsNull() } },
        relations: { program: true },
      });
      if (source.length === 0) {
        throw new DomainError('PROGRAM_YEAR_NOT_FOUND', `ปีงบประมาณ ${from} ยังไม่มีการตั้งค่าโครงการให้คัดลอก`);
      }
      const existing = await years.find({
        where: { organizationId, fiscalYear: to, programId: In(source.map((s) => s.programId)) },
        lock: { mode: 'pessimistic_write' },
      });
      const copied: string[] = [];
      const skipped: string[] = [];
      for (const settings of source) {
        const code = settings.program?.code ?? settings.programId;
        const before = existing.find((e) => e.programId === settings.programId);
        if (before && !request.overwrite) {
          skipped.push(code);
          continue;
        }
        await years.upsert(
          {
            organizationId,
            programId: settings.programId,
            fiscalYear: to,
            ...programYearSettingsOf(settings),
          },
          ['organizationId', 'programId', 'fiscalYear'],
        );
        const changes = changedFields(before ?? ({} as ProgramYear), settings, PROGRAM_YEAR_SETTINGS);
        if (Object.keys(changes).length > 0) {
          await this.audit.record(manager, actorOf(user), {
            action: 'program_year.updated',
            subject: { id: settings.programId, label: `${code} ปีงบประมาณ ${to}` },
            changes,
            details: { fiscalYear: to, copiedFrom: from },
          });
        }
        copied.push(code);
      }
      return { fromFiscalYear: from, toFiscalYear: to, copied: copied.sort(), skipped: skipped.sort() };
    });
  }

  /** Without a range: the years that have settings, or the current one. */
  private async resolveRange(organizationId: string, range: { from?: number; to?: number }) {
    const [{ min, max }]: { min: number | null; max: number | null }[] = await this.db.query(
      `SELECT min(fiscal_year) AS min, max(fiscal_year) AS max FROM program_years WHERE organization_id = $1`,
      [organizationId],
    );
    const current = fiscalYearOf(this.clock.now());
    const from = range.from ?? (range.to !== undefined ? Math.min(min ?? range.to, range.to) : (min ?? current));
    const to = range.to ?? Math.max(max ?? from, from);
    if (to - from > 20) return { from, to: from + 20 };
    return { from, to };
  }
}

