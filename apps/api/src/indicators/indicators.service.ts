import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorList, ProgramIndicatorView } from '@sujarit/contracts';
import { AttendeeScores, computeProgramIndicator, fiscalYearOf, groupGain } from '@sujarit/domain';
import { DataSource, IsNull } from 'typeorm';
import { AttemptsService } from '../attempts/attempts.service';
import { Clock } from '../common/clock';
import { ProgramYear } from '../database/entities/program-year.entity';
import { Program } from '../database/entities/program.entity';

export interface ProgramProgress {
  attended: number;
  enrolled: number;
  waitlisted: number;
  sessionsScheduled: number;
  sessionsHeld: number;
}

export interface ProgramYearProgress extends ProgramProgress {
  programId: string;
  fiscalYear: number;
  /** Sum of the expenses of the year's sessions that are not cancelled. */
  spentBaht: number;
}

/**
 * Figures for a program and fiscal year. A session counts when it is not cancelled; it is held once
 * someone has checked in. A person counts once however many sessions they attend.
 * Money spent is the sum of the expenses of the sessions that count.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly clock: Clock,
  ) {}

  async progressByProgram(organizationId: string, fiscalYear: number): Promise<Map<string, ProgramProgress>> {
    const rows = await this.progressByProgramYear(organizationId, fiscalYear, fiscalYear);
    return new Map([...rows.values()].map((r) => [r.programId, r]));
  }

  /** Progress of every program in each fiscal year of the range, keyed by `programId:fiscalYear`. */
  async progressByProgramYear(organizationId: string, from: number, to: number): Promise<Map<string, ProgramYearProgress>> {
    const rows: {
      program_id: string;
      fiscal_year: number;
      scheduled: string;
      held: string;
      attended: string;
      enrolled: string;
      waitlisted: string;
      spent: string;
    }[] =
      await this.db.query(
        // Every table is read through the organization's own sessions of the range, so the cost follows this
        // organization's data, not the deployment's. A person counts once per program-year: attended, enrolled
        // (enrolled, attended or absent in any session) and waitlisted only when not enrolled in another session.
        `WITH s AS (
           SELECT id, program_id, fiscal_year FROM training_sessions
            WHERE organization_id = $1 AND fiscal_year BETWEEN $2 AND $3 AND status <> 'cancelled'),
         e AS (
           SELECT e.session_id, e.person_id, e.status, s.program_id, s.fiscal_year
             FROM enrolments e JOIN s ON s.id = e.session_id
            WHERE e.organization_id = $1),
         per_person AS (
           SELECT program_id, fiscal_year, person_id,
                  bool_or(status = 'attended') AS attended,
                  bool_or(status IN ('enrolled', 'attended', 'absent')) AS enrolled,
                  bool_or(status = 'waitlisted') AS waitlisted
             FROM e GROUP BY program_id, fiscal_year, person_id),
         people AS (
           SELECT program_id, fiscal_year,
                  count(*) FILTER (WHERE attended) AS attended,
                  count(*) FILTER (WHERE enrolled) AS enrolled,
                  count(*) FILTER (WHERE waitlisted AND NOT enrolled) AS waitlisted
             FROM per_person GROUP BY program_id, fiscal_year),
         spent AS (
           SELECT s.program_id, s.fiscal_year, sum(x.amount_baht) AS spent
             FROM session_expenses x JOIN s ON s.id = x.session_id
            WHERE x.organization_id = $1
            GROUP BY s.program_id, s.fiscal_year),
         sessions AS (
           SELECT s.program_id, s.fiscal_year, count(*) AS scheduled,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM e WHERE e.session_id = s.id AND e.status = 'attended')) AS held
             FROM s GROUP BY s.program_id, s.fiscal_year)
         SELECT sessions.program_id, sessions.fiscal_year, sessions.scheduled, sessions.held,
                coalesce(people.attended, 0) AS attended, coalesce(people.enrolled, 0) AS enrolled,
                coalesce(people.waitlisted, 0) AS waitlisted, coalesce(spent.spent, 0) AS spent
           FROM sessions
           LEFT JOIN people USING (program_id, fiscal_year)
           LEFT JOIN spent USING (program_id, fiscal_year)`,
        [organizationId, from, to],
      );
    return new Map(
      rows.map((r) => [
        `${r.program_id}:${r.fiscal_year}`,
        {
          programId: r.program_id,
          fiscalYear: r.fiscal_year,
          attended: Number(r.attended),
          enrolled: Number(r.enrolled),
          waitlisted: Number(r.waitlisted),
          sessionsScheduled: Number(r.scheduled),
          sessionsHeld: Number(r.held),
          spentBaht: Number(r.spent),
        },
      ]),
    );
  }

  /** The indicators of a fiscal year, the current one (Bangkok time) unless asked. */
  async list(organizationId: string, requestedYear: number | undefined): Promise<IndicatorList> {
    const fiscalYear = requestedYear ?? fiscalYearOf(this.clock.now());
    const programs = await this.db.getRepository(Program).find({ where: { organizationId, archivedAt: IsNull() }, order: { code: 'ASC' } });
    return { fiscalYear, programs: await this.indicatorsOf(organizationId, fiscalYear, programs) };
  }

  /**
   * The card of one program-year (the same figures as `list`, archived programs included), or null when the program
   * has no year's settings for that fiscal year.
   */
  async programYearIndicator(organizationId: string, program: Program, fiscalYear: number): Promise<ProgramIndicatorView | null> {
    const [indicator] = await this.indicatorsOf(organizationId, fiscalYear, [program]);
    return indicator ?? null;
  }

  /** The indicator of each given program (archived ones too) in one fiscal year; one without that year's settings is left out. */
  async indicatorsOf(organizationId: string, fiscalYear: number, programs: readonly Program[]): Promise<ProgramIndicatorView[]> {
    const [years, progress, scores] = await Promise.all([
      this.db.getRepository(ProgramYear).find({ where: { organizationId, fiscalYear } }),
      this.progressByProgram(organizationId, fiscalYear),
      // Only the programs asked for: one program-year's card reads that program's attempts, not the whole year's.
      this.attendeeScores(organizationId, fiscalYear, programs.map((p) => p.id)),
    ]);
    const indicators: ProgramIndicatorView[] = [];
    for (const program of programs) {
      const year = years.find((y) => y.programId === program.id);
      if (!year) continue;
      const attendees = scores.get(program.id) ?? [];
      const indicator = computeProgramIndicator({
        targetHeadcount: year.targetHeadcount,
        sessionsRequired: year.sessionsRequired,
        sessionsHeld: progress.get(program.id)?.sessionsHeld ?? 0,
        passMarkPercent: year.passMarkPercent,
        targetPassRatePercent: year.targetPassRatePercent,
        indicatorBasis: year.indicatorBasis,
        attendees,
      });
      // Paired over the attendees who took both tests, so the change compares the same people.
      const gain = groupGain(attendees);
      indicators.push({
        programId: program.id,
        programCode: program.code,
        programName: program.name,
        fiscalYear,
        ...indicator,
        pairedCount: gain.pairedCount,
        pairedMeanPrePercent: gain.pairedMeanPrePercent,
        pairedMeanPostPercent: gain.pairedMeanPostPercent,
        meanGainPoints: gain.meanGainPoints,
        meanNormalizedGain: gain.meanNormalizedGain,
        normalizedGainCount: gain.normalizedGainCount,
        hakeGain: gain.normalizedGainOfMeans,
      });
    }
    return indicators;
  }

  /**
   * Each attendee's scores that count (AttemptsService: the first pre-test, the best post-test) over the program's
   * sessions of the fiscal year; an attempt whose time ran out counts with the answers it saved, even if nobody has
   * written it down yet. Attendees without a score are kept, with nulls.
   */
  private async attendeeScores(organizationId: string, fiscalYear: number, programIds: readonly string[]): Promise<Map<string, AttendeeScores[]>> {
    const [attendees, scores] = await Promise.all([
      this.db.query(
        `SELECT DISTINCT s.program_id, e.person_id
           FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
          WHERE e.organization_id = $1 AND s.organization_id = $1 AND s.fiscal_year = $2
            AND s.status <> 'cancelled' AND e.status = 'attended' AND s.program_id = ANY($3::uuid[])`,
        [organizationId, fiscalYear, programIds],
      ) as Promise<{ program_id: string; person_id: string }[]>,
      this.attempts.countingScoresOfYear(organizationId, fiscalYear, programIds),
    ]);
    const byProgram = new Map<string, AttendeeScores[]>();
    for (const { program_id: programId, person_id: personId } of attendees) {
      const counting = scores.get(`${programId}:${personId}`);
      const list = byProgram.get(programId) ?? [];
      list.push({ personId, prePercent: counting?.prePercent ?? null, postPercent: counting?.postPercent ?? null });
      byProgram.set(programId, list);
    }
    return byProgram;
  }
}
