import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AddExpenseRequest, AttendeeList, CreateSessionRequest, Session, SessionList } from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { DataSource, FindOptionsWhere, In, QueryFailedError, Repository } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { notFound } from '../common/domain.error';
import { ProgramsService } from '../programs/programs.service';
import { joinPath, newJoinCode } from './join-code';
import { SessionExpense } from './session-expense.entity';
import { TrainingSession } from './training-session.entity';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(TrainingSession) private readonly sessions: Repository<TrainingSession>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramsService,
    private readonly assessments: AssessmentsService,
  ) {}

  async create(organizationId: string, request: CreateSessionRequest): Promise<Session> {
    await this.programs.require(organizationId, request.programId);
    const startsAt = new Date(request.startsAt);
    for (let tries = 0; ; tries++) {
      try {
        const id = await this.db.transaction(async (manager) => {
          const session = await manager.getRepository(TrainingSession).save({
            organizationId,
            programId: request.programId,
            fiscalYear: fiscalYearOf(startsAt),
            title: request.title,
            startsAt,
            endsAt: new Date(request.endsAt),
            venue: request.venue,
            capacity: request.capacity,
            status: 'scheduled',
            joinCode: newJoinCode(),
          });
          await this.assessments.createDefaultPair(manager, organizationId, request.programId, session.id);
          return session.id;
        });
        return this.get(organizationId, id);
      } catch (error) {
        // A join code drawn twice (about one in 887 million) is drawn again.
        if (tries < 3 && error instanceof QueryFailedError && String(error.message).includes('join_code')) continue;
        throw error;
      }
    }
  }

  async list(organizationId: string, filter: { programId?: string; fiscalYear?: number }): Promise<SessionList> {
    const where: FindOptionsWhere<TrainingSession> = { organizationId };
    if (filter.programId) where.programId = filter.programId;
    if (filter.fiscalYear) where.fiscalYear = filter.fiscalYear;
    const sessions = await this.sessions.find({ where, relations: { program: true }, order: { startsAt: 'ASC' } });
    return { sessions: await this.toViews(sessions) };
  }

  async get(organizationId: string, id: string): Promise<Session> {
    const session = await this.require(organizationId, id);
    const [view] = await this.toViews([session]);
    return view;
  }

  async require(organizationId: string, id: string): Promise<TrainingSession> {
    const session = await this.sessions.findOne({ where: { id, organizationId }, relations: { program: true } });
    if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
    return session;
  }

  async attendees(organizationId: string, id: string): Promise<AttendeeList> {
    await this.require(organizationId, id);
    const rows: {
      enrolment_id: string;
      full_name: string;
      person_group: string;
      checked_in_at: Date | null;
      pre: string | null;
      post: string | null;
    }[] = await this.db.query(
      `SELECT e.id AS enrolment_id, p.full_name, p.person_group, e.checked_in_at,
              (SELECT t.percent FROM attempts t JOIN assessments a ON a.id = t.assessment_id
                WHERE t.enrolment_id = e.id AND a.kind = 'pre_test' AND t.submitted_at IS NOT NULL) AS pre,
              (SELECT t.percent FROM attempts t JOIN assessments a ON a.id = t.assessment_id
                WHERE t.enrolment_id = e.id AND a.kind = 'post_test' AND t.submitted_at IS NOT NULL) AS post
         FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.session_id = $1 AND e.organization_id = $2
        ORDER BY e.checked_in_at NULLS LAST, e.created_at`,
      [id, organizationId],
    );
    return {
      attendees: rows.map((r) => ({
        enrolmentId: r.enrolment_id,
        fullName: r.full_name,
        group: r.person_group,
        checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
        prePercent: r.pre === null ? null : Number(r.pre),
        postPercent: r.post === null ? null : Number(r.post),
      })),
    };
  }

  async addExpense(organizationId: string, sessionId: string, request: AddExpenseRequest): Promise<Session> {
    await this.require(organizationId, sessionId);
    await this.db.getRepository(SessionExpense).insert({ organizationId, sessionId, item: request.item, amountBaht: request.amountBaht });
    return this.get(organizationId, sessionId);
  }

  async removeExpense(organizationId: string, sessionId: string, expenseId: string): Promise<Session> {
    const removed = await this.db.getRepository(SessionExpense).delete({ id: expenseId, sessionId, organizationId });
    if (!removed.affected) throw notFound('NOT_FOUND', 'ไม่พบรายการค่าใช้จ่ายนี้ในรอบอบรมนี้');
    return this.get(organizationId, sessionId);
  }

  private async toViews(sessions: TrainingSession[]): Promise<Session[]> {
    const ids = sessions.map((s) => s.id);
    const [assessments, expenses, attended] = await Promise.all([
      this.assessments.summaries(ids),
      this.db.getRepository(SessionExpense).find({ where: { sessionId: In(ids) }, order: { createdAt: 'ASC' } }),
      ids.length === 0
        ? Promise.resolve([] as { session_id: string; count: number }[])
        : this.db.query(
            `SELECT session_id, count(*)::int AS count FROM enrolments
              WHERE session_id = ANY($1) AND status = 'attended' GROUP BY session_id`,
            [ids],
          ),
    ]);
    return sessions.map((s) => ({
      id: s.id,
      programId: s.programId,
      programCode: s.program?.code ?? '',
      programName: s.program?.name ?? '',
      fiscalYear: s.fiscalYear,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      venue: s.venue,
      capacity: s.capacity,
      status: s.status,
      joinCode: s.joinCode,
      joinPath: joinPath(s.joinCode),
      attendedCount: (attended as { session_id: string; count: number }[]).find((a) => a.session_id === s.id)?.count ?? 0,
      assessments: assessments.get(s.id) ?? [],
      ...expenseView(expenses.filter((e) => e.sessionId === s.id)),
    }));
  }
}

function expenseView(expenses: SessionExpense[]): Pick<Session, 'expenses' | 'spentBaht'> {
  // Sum in satang so baht amounts with two decimals add up exactly.
  const spentSatang = expenses.reduce((total, e) => total + Math.round(e.amountBaht * 100), 0);
  return {
    expenses: expenses.map((e) => ({ id: e.id, item: e.item, amountBaht: e.amountBaht, createdAt: e.createdAt.toISOString() })),
    spentBaht: spentSatang / 100,
  };
}
