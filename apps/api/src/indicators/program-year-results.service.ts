import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AttendeeResult,
  IndicatorTrend,
  PersonAttempts,
  ProgramIndicatorView,
  ProgramYearResults,
  ProgramYearSessionResult,
  TopicGainView,
} from '@sujarit/contracts';
import {
  countingAttempts,
  fiscalYearOf,
  groupGain,
  isPassed,
  personGain,
  personTopicPercents,
  toPercent,
  topicGains,
  type PersonPrePost,
} from '@sujarit/domain';
import { DataSource } from 'typeorm';
import { AttemptsService, type EndedAttempt } from '../attempts/attempts.service';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain.error';
import { ProgramYear } from '../database/entities/program-year.entity';
import { Program } from '../database/entities/program.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { IndicatorsService } from './indicators.service';

/** One check-in: a person attended a session of the program-year. */
interface Attendance {
  enrolmentId: string;
  personId: string;
  fullName: string;
  sessionId: string;
}

interface ProgramYearData {
  program: Program;
  year: ProgramYear;
  sessions: TrainingSession[];
  attendance: Attendance[];
  ended: EndedAttempt[];
}

/**
 * The drill-down of one program-year: its card's figures (IndicatorsService, the same code), per-topic gain, its
 * sessions with each one's own figures, its people with the scores that count, one person's attempts, and the trend
 * across fiscal years. Sessions that were cancelled are left out, as the indicator leaves them out. People are named
 * only: no contact, guardian or age detail is read, so none can reach a manager. The row-building methods here are
 * public and stable: exports reuse them to write the same rows as the screen shows.
 */
@Injectable()
export class ProgramYearResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly attempts: AttemptsService,
    private readonly clock: Clock,
  ) {}

  /** Everything the program-year page shows, in one answer. */
  async resultsOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<ProgramYearResults> {
    const data = await this.load(organizationId, programId, fiscalYear);
    const [indicator, topics] = await Promise.all([this.figures(organizationId, data), this.topics(organizationId, data)]);
    return {
      programId: data.program.id,
      programCode: data.program.code,
      programName: data.program.name,
      fiscalYear,
      indicator,
      topics,
      sessions: await this.sessions(data),
      people: this.attendees(data),
    };
  }

  /** The program-year's card, exactly as on the indicators page. */
  async figuresOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<ProgramIndicatorView> {
    return this.figures(organizationId, await this.load(organizationId, programId, fiscalYear));
  }

  /** Paired means and gains per question topic, over the attendees' counting pre- and post-test attempts. */
  async topicGainsOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<TopicGainView[]> {
    return this.topics(organizationId, await this.load(organizationId, programId, fiscalYear));
  }

  /** One row per session that was not cancelled, by start: each session's own attendees and their scores there. */
  async sessionsOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<ProgramYearSessionResult[]> {
    return this.sessions(await this.load(organizationId, programId, fiscalYear));
  }

  /** One row per person who attended, by name: the sessions attended and the scores that count over the year. */
  async attendeesOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<AttendeeResult[]> {
    return this.attendees(await this.load(organizationId, programId, fiscalYear));
  }

  /** One person's pre- and post-test attempts in the program-year with their answers; 404 unless they were enrolled in it. */
  async attemptsOfPerson(organizationId: string, programId: string, fiscalYear: number, personId: string): Promise<PersonAttempts> {
    const data = await this.load(organizationId, programId, fiscalYear);
    const enrolled: { full_name: string }[] = await this.db.query(
      `SELECT p.full_name FROM enrolments e
         JOIN training_sessions s ON s.id = e.session_id
         JOIN people p ON p.id = e.person_id
        WHERE e.organization_id = $1 AND s.organization_id = $1 AND p.organization_id = $1
          AND e.person_id = $2 AND s.program_id = $3 AND s.fiscal_year = $4 AND s.status <> 'cancelled'
        LIMIT 1`,
      [organizationId, personId, programId, fiscalYear],
    );
    if (enrolled.length === 0) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมคนนี้ในโครงการและปีงบประมาณนี้');
    const records = await this.attempts.attemptsOfPersonInProgramYear(organizationId, personId, programId, fiscalYear);
    const { pre, post } = countingAttempts(data.ended.filter((a) => a.personId === personId));
    const titles = new Map(data.sessions.map((s) => [s.id, s.title]));
    return {
      personId,
      fullName: enrolled[0].full_name,
      programId: data.program.id,
      programCode: data.program.code,
      programName: data.program.name,
      fiscalYear,
      passMarkPercent: data.year.passMarkPercent,
      result: this.attendees(data).find((p) => p.personId === personId) ?? null,
      attempts: records.map((r) => ({
        attemptId: r.attemptId,
        kind: r.kind,
        assessmentId: r.assessmentId,
        assessmentTitle: r.assessmentTitle,
        sessionId: r.sessionId,
        sessionTitle: titles.get(r.sessionId) ?? '',
        attemptNumber: r.attemptNumber,
        state: r.state,
        finishReason: r.finishReason,
        counts: r.attemptId === pre?.attemptId || r.attemptId === post?.attemptId,
        score: r.score,
        maxScore: r.maxScore,
        percent: r.percent,
        startedAt: r.startedAt.toISOString(),
        submittedAt: r.endedAt?.toISOString() ?? null,
        answers: r.answers,
      })),
    };
  }

  /**
   * Per program, for each fiscal year from `from` to `to` (by default the years of the organization's program-years),
   * the pass rate, indicator status and mean gain of its card on the indicators page.
   */
  async trend(organizationId: string, from?: number, to?: number): Promise<IndicatorTrend> {
    const [range]: { min: number | null; max: number | null }[] = await this.db.query(
      `SELECT min(fiscal_year) AS min, max(fiscal_year) AS max FROM program_years WHERE organization_id = $1`,
      [organizationId],
    );
    const current = fiscalYearOf(this.clock.now());
    const fromYear = from ?? range.min ?? current;
    const toYear = to ?? Math.max(range.max ?? current, fromYear);
    const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => fromYear + i);
    const lists = await Promise.all(years.map((fiscalYear) => this.indicators.list(organizationId, fiscalYear)));
    const programs = new Map<string, IndicatorTrend['programs'][number]>();
    for (const list of lists) {
      for (const card of list.programs) {
        if (!programs.has(card.programId)) {
          programs.set(card.programId, { programId: card.programId, programCode: card.programCode, programName: card.programName, years: [] });
        }
      }
    }
    for (const program of programs.values()) {
      program.years = lists.map((list) => {
        const card = list.programs.find((p) => p.programId === program.programId);
        return {
          fiscalYear: list.fiscalYear,
          planned: card !== undefined,
          attended: card?.attended ?? 0,
          passRatePercent: card?.passRatePercent ?? null,
          targetPassRatePercent: card?.targetPassRatePercent ?? null,
          indicatorStatus: card?.indicatorStatus ?? null,
          pairedCount: card?.pairedCount ?? 0,
          meanGainPoints: card?.meanGainPoints ?? null,
        };
      });
    }
    return {
      fromYear,
      toYear,
      programs: [...programs.values()].sort((a, b) => a.programCode.localeCompare(b.programCode)),
    };
  }

  private async load(organizationId: string, programId: string, fiscalYear: number): Promise<ProgramYearData> {
    const program = await this.db.getRepository(Program).findOneBy({ organizationId, id: programId });
    const year = program ? await this.db.getRepository(ProgramYear).findOneBy({ organizationId, programId, fiscalYear }) : null;
    if (!program || !year) throw notFound('PROGRAM_YEAR_NOT_FOUND', 'ไม่พบโครงการในปีงบประมาณนี้');
    const [sessions, attendance, ended] = await Promise.all([
      this.db
        .getRepository(TrainingSession)
        .createQueryBuilder('s')
        .where('s.organization_id = :organizationId AND s.program_id = :programId AND s.fiscal_year = :fiscalYear', {
          organizationId,
          programId,
          fiscalYear,
        })
        .andWhere(`s.status <> 'cancelled'`)
        .orderBy('s.starts_at', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
      this.db.query(
        `SELECT e.id AS "enrolmentId", e.person_id AS "personId", p.full_name AS "fullName", e.session_id AS "sessionId"
           FROM enrolments e
           JOIN training_sessions s ON s.id = e.session_id
           JOIN people p ON p.id = e.person_id
          WHERE e.organization_id = $1 AND s.organization_id = $1 AND p.organization_id = $1
            AND s.program_id = $2 AND s.fiscal_year = $3 AND s.status <> 'cancelled' AND e.status = 'attended'`,
        [organizationId, programId, fiscalYear],
      ) as Promise<Attendance[]>,
      this.attempts.endedAttemptsOfProgramYear(organizationId, programId, fiscalYear),
    ]);
    return { program, year, sessions, attendance, ended };
  }

  private async figures(organizationId: string, data: ProgramYearData): Promise<ProgramIndicatorView> {
    const card = await this.indicators.programYearIndicator(organizationId, data.program, data.year.fiscalYear);
    if (!card) throw notFound('PROGRAM_YEAR_NOT_FOUND', 'ไม่พบโครงการในปีงบประมาณนี้');
    return card;
  }

  /** The counting pre and post attempts of each attendee over the year, keyed by person. */
  private countingByPerson(data: ProgramYearData) {
    const byPerson = groupBy(data.ended, (a) => a.personId);
    const counting = new Map<string, { pre: EndedAttempt | null; post: EndedAttempt | null }>();
    for (const personId of new Set(data.attendance.map((a) => a.personId))) counting.set(personId, countingAttempts(byPerson.get(personId) ?? []));
    return counting;
  }

  private attendees(data: ProgramYearData): AttendeeResult[] {
    const counting = this.countingByPerson(data);
    const sessionOf = new Map(data.sessions.map((s) => [s.id, s]));
    const byPerson = groupBy(data.attendance, (a) => a.personId);
    const rows: AttendeeResult[] = [];
    for (const [personId, attended] of byPerson) {
      const { pre, post } = counting.get(personId) ?? { pre: null, post: null };
      const prePercent = pre?.percent ?? null;
      const postPercent = post?.percent ?? null;
      const sessions = attended
        .flatMap((a) => sessionOf.get(a.sessionId) ?? [])
        .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())
        .map((s) => ({ sessionId: s.id, title: s.title, startsAt: s.startsAt.toISOString() }));
      rows.push({
        personId,
        fullName: attended[0].fullName,
        sessions,
        prePercent,
        postPercent,
        ...personGain(prePercent, postPercent),
        passed: isPassed(postPercent, data.year.passMarkPercent),
        missingPostTest: postPercent === null,
      });
    }
    return rows.sort((a, b) => a.fullName.localeCompare(b.fullName, 'th') || a.personId.localeCompare(b.personId));
  }

  private async sessions(data: ProgramYearData): Promise<ProgramYearSessionResult[]> {
    const tests: { id: string; session_id: string; kind: string }[] =
      data.sessions.length === 0
        ? []
        : await this.db.query(
            `SELECT id, session_id, kind FROM assessments
              WHERE organization_id = $1 AND session_id = ANY($2::uuid[]) AND kind IN ('pre_test', 'post_test')
              ORDER BY id`,
            [data.program.organizationId, data.sessions.map((s) => s.id)],
          );
    const endedByEnrolment = groupBy(data.ended, (a) => a.enrolmentId);
    const attendanceBySession = groupBy(data.attendance, (a) => a.sessionId);
    return data.sessions.map((session) => {
      const people = (attendanceBySession.get(session.id) ?? []).map((a) => {
        const { pre, post } = countingAttempts(endedByEnrolment.get(a.enrolmentId) ?? []);
        return { prePercent: pre?.percent ?? null, postPercent: post?.percent ?? null };
      });
      const passed = people.filter((p) => isPassed(p.postPercent, data.year.passMarkPercent)).length;
      const gain = groupGain(people);
      const testOf = (kind: string) => tests.find((t) => t.session_id === session.id && t.kind === kind)?.id ?? null;
      return {
        sessionId: session.id,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        venue: session.venue,
        status: session.status,
        preTestId: testOf('pre_test'),
        postTestId: testOf('post_test'),
        attended: people.length,
        preTestTaken: people.filter((p) => p.prePercent !== null).length,
        postTestTaken: people.filter((p) => p.postPercent !== null).length,
        passed,
        missingPostTest: people.filter((p) => p.postPercent === null).length,
        passRatePercent: people.length === 0 ? null : toPercent(passed, people.length),
        pairedCount: gain.pairedCount,
        pairedMeanPrePercent: gain.pairedMeanPrePercent,
        pairedMeanPostPercent: gain.pairedMeanPostPercent,
        meanGainPoints: gain.meanGainPoints,
      };
    });
  }

  private async topics(organizationId: string, data: ProgramYearData): Promise<TopicGainView[]> {
    const counting = this.countingByPerson(data);
    const chosen = [...counting.values()].flatMap(({ pre, post }) => [pre, post].flatMap((a) => (a ? [a] : [])));
    const percents = await this.attempts.topicPercentsOfAttempts(organizationId, chosen);
    const people: PersonPrePost[] = [...counting.values()].map(({ pre, post }) => ({
      prePercent: pre?.percent ?? null,
      postPercent: post?.percent ?? null,
      topicPercents: personTopicPercents(pre ? (percents.get(pre.attemptId) ?? null) : null, post ? (percents.get(post.attemptId) ?? null) : null),
    }));
    return topicGains(people)
      .sort((a, b) => a.topic.localeCompare(b.topic, 'th'))
      .map((t) => ({
        topic: t.topic,
        pairedCount: t.pairedCount,
        pairedMeanPrePercent: t.pairedMeanPrePercent,
        pairedMeanPostPercent: t.pairedMeanPostPercent,
        meanGainPoints: t.meanGainPoints,
        meanNormalizedGain: t.meanNormalizedGain,
        normalizedGainCount: t.normalizedGainCount,
        hakeGain: t.normalizedGainOfMeans,
      }));
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
