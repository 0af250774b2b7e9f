import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  SESSION_STATUS_TRANSITIONS,
  type AddExpenseRequest,
  type AssessmentSummary,
  type AttendeeList,
  type CreateSessionRequest,
  type Session,
  type SessionList,
  type SessionLive,
  type UpdateSessionRequest,
} from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { DataSource, FindOptionsWhere, In, QueryFailedError, Repository } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { AttemptsService } from '../attempts/attempts.service';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../database/entities/enrolment.entity';
import { JoinCode } from '../database/entities/join-code.entity';
import { ProgramsService } from '../programs/programs.service';
import { joinPath, newJoinCode } from './join-code';
import { SessionExpense } from '../database/entities/session-expense.entity';
import { SessionStatus, TrainingSession } from '../database/entities/training-session.entity';

const STATUS_NAMES: Record<SessionStatus, string> = {
  draft: 'ฉบับร่าง',
  scheduled: 'กำหนดการแล้ว',
  open: 'กำลังอบรม',
  completed: 'เสร็จสิ้น',
  cancelled: 'ยกเลิก',
};

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(TrainingSession) private readonly sessions: Repository<TrainingSession>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramsService,
    private readonly assessments: AssessmentsService,
    private readonly attempts: AttemptsService,
  ) {}

  async create(organizationId: string, request: CreateSessionRequest): Promise<Session> {
    await this.programs.requireActive(organizationId, request.programId);
    const startsAt = new Date(request.startsAt);
    for (let tries = 0; ; tries++) {
      try {
        const id = await this.db.transaction(async (manager) => {
          // The code is taken across the deployment first (join_codes), in the same transaction as the session.
          const joinCode = newJoinCode();
          await manager.insert(JoinCode, { code: joinCode, organizationId });
          const session = await manager.getRepository(TrainingSession).save({
            organizationId,
            programId: request.programId,
            fiscalYear: fiscalYearOf(startsAt),
            title: request.title,
            startsAt,
            endsAt: new Date(request.endsAt),
            venue: request.venue,
            capacity: request.capacity,
            speakers: request.speakers,
            notes: request.notes,
            allowWalkIns: request.allowWalkIns,
            requireCheckInCode: request.requireCheckInCode,
            status: request.status,
            joinCode,
          });
          await this.assessments.createDefaults(manager, organizationId, request.programId, session.id);
          return session.id;
        });
        return this.get(organizationId, id);
      } catch (error) {
        // A join code drawn twice (about one in 887 million) is drawn again.
        if (tries < 3 && error instanceof QueryFailedError && String(error.message).includes('PK_join_codes')) continue;
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
    const [rows, scores] = await Promise.all([
      this.db.query(
        `SELECT e.id AS enrolment_id, p.full_name, p.person_group, e.checked_in_at
           FROM enrolments e JOIN people p ON p.id = e.person_id
          WHERE e.session_id = $1 AND e.organization_id = $2
          ORDER BY e.checked_in_at NULLS LAST, e.created_at`,
        [id, organizationId],
      ) as Promise<{ enrolment_id: string; full_name: string; person_group: string; checked_in_at: Date | null }[]>,
      // The scores that count (AttemptsService): the first pre-test, the best post-test.
      this.attempts.countingScoresOfSession(organizationId, id),
    ]);
    return {
      attendees: rows.map((r) => ({
        enrolmentId: r.enrolment_id,
        fullName: r.full_name,
        group: r.person_group,
        checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
        prePercent: scores.get(r.enrolment_id)?.prePercent ?? null,
        postPercent: scores.get(r.enrolment_id)?.postPercent ?? null,
      })),
    };
  }

  /**
   * The live counts for the projector: who has checked in, and each test's started and handed-in counts (the same
   * figures as the session page's cards). A session of another organization is not found.
   */
  async live(organizationId: string, id: string): Promise<SessionLive> {
    const session = await this.sessions.findOneBy({ id, organizationId });
    if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
    const [summaries, checkedIn] = await Promise.all([
      this.assessments.summaries(organizationId, [id]),
      this.db.query(
        `SELECT count(*)::int AS count FROM enrolments WHERE session_id = $1 AND organization_id = $2 AND status = 'attended'`,
        [id, organizationId],
      ) as Promise<{ count: number }[]>,
    ]);
    return {
      id: session.id,
      title: session.title,
      status: session.status,
      joinCode: session.joinCode,
      joinPath: joinPath(session.joinCode),
      capacity: session.capacity,
      checkedInCount: checkedIn[0]?.count ?? 0,
      assessments: summaries.get(id) ?? [],
    };
  }

  /**
   * Changes what was sent; moving the start moves the session to the fiscal year of its new date. Under the
   * session's row lock, which every enrolment and check-in takes too, so no seat is taken between the count and
   * a smaller capacity.
   */
  async update(organizationId: string, id: string, request: UpdateSessionRequest): Promise<Session> {
    await this.db.transaction(async (manager) => {
      const session = await manager.findOne(TrainingSession, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
      if (session.status === 'cancelled') {
        throw conflict('INVALID_STATE', 'รอบอบรมนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้');
      }
      const startsAt = request.startsAt ? new Date(request.startsAt) : session.startsAt;
      const endsAt = request.endsAt ? new Date(request.endsAt) : session.endsAt;
      if (endsAt <= startsAt) throw new DomainError('VALIDATION_FAILED', 'เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม');
      if (request.capacity !== undefined) {
        const taken = await manager.count(Enrolment, {
          where: { organizationId, sessionId: id, status: In(['enrolled', 'attended']) },
        });
        if (request.capacity < taken) {
          throw conflict('INVALID_STATE', `ลดจำนวนที่นั่งต่ำกว่าผู้ลงทะเบียนแล้ว (${taken} คน) ไม่ได้`);
        }
      }
      await manager.update(
        TrainingSession,
        { id, organizationId },
        {
          ...(request.title !== undefined && { title: request.title }),
          ...(request.venue !== undefined && { venue: request.venue }),
          ...(request.capacity !== undefined && { capacity: request.capacity }),
          ...(request.speakers !== undefined && { speakers: request.speakers }),
          ...(request.notes !== undefined && { notes: request.notes }),
          ...(request.allowWalkIns !== undefined && { allowWalkIns: request.allowWalkIns }),
          ...(request.requireCheckInCode !== undefined && { requireCheckInCode: request.requireCheckInCode }),
          startsAt,
          endsAt,
          fiscalYear: fiscalYearOf(startsAt),
        },
      );
    });
    return this.get(organizationId, id);
  }

  async changeStatus(organizationId: string, id: string, status: SessionStatus): Promise<Session> {
    await this.db.transaction(async (manager) => {
      const session = await manager.findOne(TrainingSession, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
      if (session.status === status) return;
      if (!SESSION_STATUS_TRANSITIONS[session.status].includes(status)) {
        throw conflict('INVALID_STATE', `เปลี่ยนสถานะจาก "${STATUS_NAMES[session.status]}" เป็น "${STATUS_NAMES[status]}" ไม่ได้`);
      }
      await manager.update(TrainingSession, { id }, { status });
    });
    return this.get(organizationId, id);
  }

  /** Only a session nobody attended can be deleted; one with attendance is cancelled instead. */
  async remove(organizationId: string, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const session = await manager.findOne(TrainingSession, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
      const attended = await manager.count(Enrolment, { where: { sessionId: id, status: 'attended' } });
      if (attended > 0) {
        throw conflict('SESSION_HAS_ATTENDANCE', `รอบอบรมนี้มีผู้เข้าอบรมแล้ว ${attended} คน ลบไม่ได้ ให้ยกเลิกแทน`, { attended });
      }
      await manager.delete(TrainingSession, { id });
    });
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
    // A list is always one organization's.
    const organizationId = sessions[0]?.organizationId;
    const [assessments, expenses, overlaps, attended] = await Promise.all([
      organizationId ? this.assessments.summaries(organizationId, ids) : Promise.resolve(new Map<string, AssessmentSummary[]>()),
      this.db.getRepository(SessionExpense).find({ where: { sessionId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.overlapping(ids),
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
      speakers: s.speakers,
      notes: s.notes,
      allowWalkIns: s.allowWalkIns,
      requireCheckInCode: s.requireCheckInCode,
      ...expenseView(expenses.filter((e) => e.sessionId === s.id)),
      overlaps: overlaps.filter((o) => o.of === s.id).map(({ of: _of, ...other }) => other),
    }));
  }

  /** For each session, the others of its organization at the same venue whose times intersect its own. */
  private async overlapping(ids: string[]) {
    if (ids.length === 0) return [];
    const rows: { of: string; id: string; title: string; starts_at: Date; ends_at: Date }[] = await this.db.query(
      `SELECT s.id AS of, o.id, o.title, o.starts_at, o.ends_at
         FROM training_sessions s
         JOIN training_sessions o
           ON o.organization_id = s.organization_id AND o.id <> s.id
          AND lower(btrim(o.venue)) = lower(btrim(s.venue))
          AND o.starts_at < s.ends_at AND s.starts_at < o.ends_at
          AND o.status <> 'cancelled'
        WHERE s.id = ANY($1) AND s.status <> 'cancelled'
        ORDER BY o.starts_at`,
      [ids],
    );
    return rows.map((r) => ({
      of: r.of,
      id: r.id,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
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
