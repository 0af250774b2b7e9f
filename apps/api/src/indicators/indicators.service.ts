import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorList, ProgramIndicatorView } from '@sujarit/contracts';
import { AttendeeScores, computeProgramIndicator, fiscalYearOf } from '@sujarit/domain';
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
        `SELECT s.program_id, s.fiscal_year,
                count(*) AS scheduled,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM enrolments e WHERE e.session_id = s.id AND e.status = 'attended')) AS held,
                (SELECT count(DISTINCT e.person_id)
                   FROM enrolments e JOIN training_sessions s2 ON s2.id = e.session_id
                  WHERE s2.program_id = s.program_id AND s2.fiscal_year = s.fiscal_year
                    AND s2.status <> 'cancelled' AND e.status = 'attended') AS attended,
                (SELECT count(DISTINCT e.person_id)
                   FROM enrolments e JOIN training_sessions s2 ON s2.id = e.session_id
                  WHERE s2.program_id = s.program_id AND s2.fiscal_year = s.fiscal_year
                    AND s2.status <> 'cancelled' AND e.status IN ('enrolled', 'attended', 'absent')) AS enrolled,
                (SELECT count(DISTINCT e.person_id)
                   FROM enrolments e JOIN training_sessions s2 ON s2.id = e.session_id
                  WHERE s2.program_id = s.program_id AND s2.fiscal_year = s.fiscal_year
                    AND s2.status <> 'cancelled' AND e.status = 'waitlisted'
                    AND NOT EXISTS (
                      SELECT 1 FROM enrolments e3 JOIN training_sessions s3 ON s3.id = e3.session_id
                       WHERE e3.person_id = e.person_id AND s3.program_id = s.program_id
                         AND s3.fiscal_year = s.fiscal_year AND s3.status <> 'cancelled'
                         AND e3.status IN ('enrolled', 'attended', 'absent'))) AS waitlisted,
                coalesce((SELECT sum(x.amount_baht)
                   FROM session_expenses x JOIN training_sessions s3 ON s3.id = x.session_id
                  WHERE s3.program_id = s.program_id AND s3.fiscal_year = s.fiscal_year
                    AND s3.status <> 'cancelled'), 0) AS spent
           FROM training_sessions s
          WHERE s.organization_id = $1 AND s.fiscal_year BETWEEN $2 AND $3 AND s.status <> 'cancelled'
          GROUP BY s.program_id, s.fiscal_year`,
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
    const [years, progress, scores] = await Promise.all([
      this.db.getRepository(ProgramYear).find({ where: { organizationId, fiscalYear } }),
      this.progressByProgram(organizationId, fiscalYear),
      this.attendeeScores(organizationId, fiscalYear),
    ]);
    const indicators: ProgramIndicatorView[] = [];
    for (const program of programs) {
      const year = years.find((y) => y.programId === program.id);
      if (!year) continue;
      const indicator = computeProgramIndicator({
        targetHeadcount: year.targetHeadcount,
        sessionsRequired: year.sessionsRequired,
        sessionsHeld: progress.get(program.id)?.sessionsHeld ?? 0,
        passMarkPercent: year.passMarkPercent,
        targetPassRatePercent: year.targetPassRatePercent,
        indicatorBasis: year.indicatorBasis,
        attendees: scores.get(program.id) ?? [],
      });
      indicators.push({ programId: program.id, programCode: program.code, programName: program.name, fiscalYear, ...indicator });
    }
    return { fiscalYear, programs: indicators };
  }

  /**
   * Each attendee's scores that count (AttemptsService: the first pre-test, the best post-test) over the program's
   * sessions of the fiscal year; an attempt whose time ran out counts with the answers it saved, even if nobody has
   * written it down yet. Attendees without a score are kept, with nulls.
   */
  private async attendeeScores(organizationId: string, fiscalYear: number): Promise<Map<string, AttendeeScores[]>> {
    const [attendees, scores] = await Promise.all([
      this.db.query(
        `SELECT DISTINCT s.program_id, e.person_id
           FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
          WHERE e.organization_id = $1 AND s.organization_id = $1 AND s.fiscal_year = $2
            AND s.status <> 'cancelled' AND e.status = 'attended'`,
        [organizationId, fiscalYear],
      ) as Promise<{ program_id: string; person_id: string }[]>,
      this.attempts.countingScoresOfYear(organizationId, fiscalYear),
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
