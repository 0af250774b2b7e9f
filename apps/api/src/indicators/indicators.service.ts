import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorList, ProgramIndicatorView } from '@sujarit/contracts';
import { AttendeeScores, computeProgramIndicator } from '@sujarit/domain';
import { DataSource, IsNull } from 'typeorm';
import { AttemptsService } from '../attempts/attempts.service';
import { Clock } from '../common/clock';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';

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

  async list(organizationId: string, fiscalYear: number): Promise<IndicatorList> {
    // Attempts whose time ran out count with the answers they saved, even if no one has looked since.
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { organizationId }, this.clock.now()));
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
   * Each attendee's pre-test (their first submitted one: where they started) and post-test
   * (their best submitted one: whether they reached the mark) within the program's fiscal year.
   */
  private async attendeeScores(organizationId: string, fiscalYear: number): Promise<Map<string, AttendeeScores[]>> {
    const rows: { program_id: string; person_id: string; pre: string | null; post: string | null }[] =
      await this.db.query(
        `WITH attendees AS (
           SELECT DISTINCT s.program_id, e.person_id
             FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
            WHERE e.organization_id = $1 AND s.fiscal_year = $2 AND s.status <> 'cancelled' AND e.status = 'attended'),
         scores AS (
           SELECT s.program_id, e.person_id, a.kind, t.percent, t.submitted_at
             FROM attempts t
             JOIN assessments a ON a.id = t.assessment_id
             JOIN enrolments e ON e.id = t.enrolment_id
             JOIN training_sessions s ON s.id = e.session_id
            WHERE t.organization_id = $1 AND s.fiscal_year = $2 AND s.status <> 'cancelled'
              AND t.submitted_at IS NOT NULL)
         SELECT at.program_id, at.person_id,
                (SELECT x.percent FROM scores x
                  WHERE x.program_id = at.program_id AND x.person_id = at.person_id AND x.kind = 'pre_test'
                  ORDER BY x.submitted_at LIMIT 1) AS pre,
                (SELECT max(x.percent) FROM scores x
                  WHERE x.program_id = at.program_id AND x.person_id = at.person_id AND x.kind = 'post_test') AS post
           FROM attendees at`,
        [organizationId, fiscalYear],
      );
    const byProgram = new Map<string, AttendeeScores[]>();
    for (const row of rows) {
      const list = byProgram.get(row.program_id) ?? [];
      list.push({
        personId: row.person_id,
        prePercent: row.pre === null ? null : Number(row.pre),
        postPercent: row.post === null ? null : Number(row.post),
      });
      byProgram.set(row.program_id, list);
    }
    return byProgram;
  }
}
