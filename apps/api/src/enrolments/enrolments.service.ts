import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnrolmentList, ImportPreview, ImportResult, ImportRowError } from '@sujarit/contracts';
import { thaiNameKey } from '@sujarit/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttemptsService } from '../attempts/attempts.service';
import { actorOf, AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain.error';
import { toPersonView } from '../people/people.mapper';
import { PeopleService } from '../people/people.service';
import { Person } from '../database/entities/person.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { checkInCodeDrawer } from './check-in-code';
import { Enrolment, EnrolmentStatus } from '../database/entities/enrolment.entity';
import { ParsedRow, validateRow, ValidRow } from './import-file';

/** Statuses that hold a seat. */
const SEATED: EnrolmentStatus[] = ['enrolled', 'attended'];
const ENROLLING_SESSION_STATUSES = ['draft', 'scheduled', 'open'];
const CHECK_IN_SESSION_STATUSES = ['scheduled', 'open'];

/**
 * People in sessions: enrolment against capacity with a waitlist, check-in, withdrawal, bulk import.
 * Every change that can take or free a seat locks the session row first, so two organizers taking
 * the last seat at the same moment never put a session over capacity.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleService,
    private readonly attempts: AttemptsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string, sessionId: string): Promise<EnrolmentList> {
    const session = await this.requireSession(this.db.manager, organizationId, sessionId);
    const enrolments = await this.db.getRepository(Enrolment).find({
      where: { sessionId, organizationId },
      relations: { person: true },
      order: { createdAt: 'ASC' },
    });
    // As the indicator counts them (AttemptsService): the first pre-test, the best post-test.
    const scores = await this.attempts.countingScoresOfSession(organizationId, sessionId);
    const waitlist = enrolments
      .filter((e) => e.status === 'waitlisted')
      .sort((a, b) => (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0));
    const collator = new Intl.Collator('th');
    const counts = { enrolled: 0, waitlisted: 0, attended: 0, absent: 0, withdrawn: 0 };
    for (const e of enrolments) counts[e.status] += 1;
    return {
      capacity: session.capacity,
      checkInCodeRequired: session.requireCheckInCode,
      counts,
      enrolments: enrolments
        .sort((a, b) => collator.compare(a.person?.fullName ?? '', b.person?.fullName ?? ''))
        .map((e) => ({
          id: e.id,
          person: toPersonView(e.person as Person),
          status: e.status,
          checkedInAt: e.checkedInAt?.toISOString() ?? null,
          onPhone: e.deviceTokenHash !== null,
          checkInCode: e.checkInCode,
          waitlistPosition: e.status === 'waitlisted' ? waitlist.indexOf(e) + 1 : null,
          prePercent: scores.get(e.id)?.prePercent ?? null,
          postPercent: scores.get(e.id)?.postPercent ?? null,
        })),
    };
  }

  /** Enrols a person from the registry: a seat if there is one, otherwise the waitlist. */
  async enrol(user: AuthenticatedUser, sessionId: string, personId: string): Promise<EnrolmentList> {
    const { organizationId } = user;
    await this.db.transaction(async (manager) => {
      const session = await this.lockSession(manager, organizationId, sessionId);
      const person = await this.people.require(manager, organizationId, personId);
      if (person.erasedAt) throw conflict('PERSON_ERASED', 'ข้อมูลของบุคคลนี้ถูกลบแล้ว ลงทะเบียนไม่ได้');
      const existing = await manager.findOneBy(Enrolment, { sessionId, personId });
      if (existing && existing.status !== 'withdrawn') {
        throw conflict('ALREADY_ENROLLED', `${person.fullName} ลงทะเบียนในรอบนี้แล้ว`, { name: person.fullName });
      }
      const status = await this.seatOrWaitlist(manager, session, personId, existing, await checkInCodeDrawer(manager, session.id));
      const enrolment = await manager.findOneByOrFail(Enrolment, { sessionId, personId });
      // The person by registry id only: the log keeps nothing an erasure would have to remove.
      await this.audit.record(manager, actorOf(user), {
        action: 'enrolment.created',
        subject: { id: enrolment.id, label: session.title },
        details: { personId, status },
      });
    });
    return this.list(organizationId, sessionId);
  }

  /**
   * Moves a check-in to a new phone: the enrolment forgets the phone that holds it, which loses access at once
   * (401 NOT_JOINED); the next phone that checks in with this name (and code, when the session asks for one)
   * takes it over, with its attempts and saved answers. Nobody new is added to the registry.
   */
  async releasePhone(user: AuthenticatedUser, enrolmentId: string): Promise<EnrolmentList> {
    const { organizationId } = user;
    const sessionId = await this.db.transaction(async (manager) => {
      const found = await manager.findOneBy(Enrolment, { id: enrolmentId, organizationId });
      if (!found) throw notFound('ENROLMENT_NOT_FOUND', 'ไม่พบการลงทะเบียนนี้');
      const session = await this.lockSession(manager, organizationId, found.sessionId);
      if (!CHECK_IN_SESSION_STATUSES.includes(session.status)) {
        throw conflict('INVALID_STATE', 'ย้ายไปเครื่องใหม่ได้เฉพาะรอบอบรมที่กำหนดการแล้วหรือกำลังอบรม');
      }
      await manager.update(Enrolment, { id: enrolmentId }, { deviceTokenHash: null });
      await this.audit.record(manager, actorOf(user), {
        action: 'enrolment.moved_to_new_phone',
        subject: { id: enrolmentId, label: session.title },
        details: { personId: found.personId },
      });
      return session.id;
    });
    return this.list(organizationId, sessionId);
  }

  /** Check-in, absent, withdrawal, or back to enrolled. A withdrawal gives its seat to the first on the waitlist. */
  async changeStatus(user: AuthenticatedUser, enrolmentId: string, status: 'enrolled' | 'attended' | 'absent' | 'withdrawn') {
    const { organizationId } = user;
    const sessionId = await this.db.transaction(async (manager) => {
      const found = await manager.findOneBy(Enrolment, { id: enrolmentId, organizationId });
      if (!found) throw notFound('ENROLMENT_NOT_FOUND', 'ไม่พบการลงทะเบียนนี้');
      const session = await this.lockSession(manager, organizationId, found.sessionId);
      const enrolment = await manager.findOneByOrFail(Enrolment, { id: enrolmentId });
      if (enrolment.status === status) return session.id;
      const hadSeat = SEATED.includes(enrolment.status);
      const seatsFree = session.capacity - (await this.seatsTaken(manager, session.id));
      if (status === 'attended') {
        if (!CHECK_IN_SESSION_STATUSES.includes(session.status)) {
          throw conflict('INVALID_STATE', 'เช็กอินได้เฉพาะรอบอบรมที่กำหนดการแล้วหรือกำลังอบรม');
        }
        if (!hadSeat && seatsFree <= 0) throw conflict('SESSION_FULL', 'รอบอบรมเต็มแล้ว เช็กอินผู้อยู่ในรายชื่อสำรองไม่ได้');
        await manager.update(Enrolment, { id: enrolmentId }, { status, checkedInAt: this.clock.now(), waitlistedAt: null });
      } else if (status === 'enrolled') {
        if (!hadSeat && seatsFree <= 0) {
          await manager.update(Enrolment, { id: enrolmentId }, { status: 'waitlisted', waitlistedAt: this.clock.now(), checkedInAt: null });
        } else {
          await manager.update(Enrolment, { id: enrolmentId }, { status, checkedInAt: null, waitlistedAt: null });
        }
      } else {
        await manager.update(Enrolment, { id: enrolmentId }, { status, checkedInAt: null, waitlistedAt: null });
        if (hadSeat) await this.promoteFromWaitlist(manager, session);
      }
      const changed = await manager.findOneByOrFail(Enrolment, { id: enrolmentId });
      await this.audit.record(manager, actorOf(user), {
        action: 'enrolment.status_changed',
        subject: { id: enrolmentId, label: session.title },
        changes: { status: { from: enrolment.status, to: changed.status } },
        details: { personId: enrolment.personId },
      });
      return session.id;
    });
    return this.list(organizationId, sessionId);
  }

  /** Reads a file's rows and says which can be imported and what is wrong with the others; changes nothing. */
  async preview(organizationId: string, sessionId: string, rows: ParsedRow[]): Promise<ImportPreview> {
    await this.requireSession(this.db.manager, organizationId, sessionId);
    const { valid, errors } = this.check(rows);
    const enrolledKeys = await this.enrolledKeys(this.db.manager, sessionId);
    return {
      totalRows: rows.length,
      errors,
      valid: valid.map((row) => ({ ...row, alreadyEnrolled: enrolledKeys.has(personKey(row)) })),
    };
  }

  /**
   * Imports the valid rows: each person is found in the registry (same name key, group, village) or
   * added, then enrolled unless already. Importing the same rows twice creates nothing new.
   */
  async confirm(user: AuthenticatedUser, sessionId: string, rows: ValidRow[]): Promise<ImportResult> {
    const { organizationId } = user;
    const { valid, errors } = this.check(rows.map((r) => ({ line: r.line, values: toTextValues(r) })));
    return this.db.transaction(async (manager) => {
      const session = await this.lockSession(manager, organizationId, sessionId);
      const result: ImportResult = { enrolled: 0, waitlisted: 0, alreadyEnrolled: 0, newPeople: 0, errors };
      const drawCheckInCode = await checkInCodeDrawer(manager, session.id);
      for (const row of valid) {
        let [person] = await this.people.findSame(manager, organizationId, row);
        if (!person) {
          person = await this.people.insert(manager, organizationId, row);
          result.newPeople += 1;
        }
        const existing = await manager.findOneBy(Enrolment, { sessionId, personId: person.id });
        if (existing && existing.status !== 'withdrawn') {
          result.alreadyEnrolled += 1;
          continue;
        }
        const status = await this.seatOrWaitlist(manager, session, person.id, existing, drawCheckInCode);
        result[status] += 1;
      }
      await this.audit.record(manager, actorOf(user), {
        action: 'enrolments.imported',
        subject: { id: session.id, label: session.title },
        details: { enrolled: result.enrolled, waitlisted: result.waitlisted, alreadyEnrolled: result.alreadyEnrolled, newPeople: result.newPeople },
      });
      return result;
    });
  }

  private check(rows: ParsedRow[]): { valid: ValidRow[]; errors: ImportRowError[] } {
    const valid: ValidRow[] = [];
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      const checked = validateRow(row);
      if ('errors' in checked) {
        errors.push(...checked.errors);
        continue;
      }
      const key = personKey(checked.row);
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ line: row.line, field: 'ชื่อ-นามสกุล', reason: `ซ้ำกับแถวที่ ${first} ในไฟล์เดียวกัน` });
        continue;
      }
      seen.set(key, row.line);
      valid.push(checked.row);
    }
    return { valid, errors };
  }

  private async enrolledKeys(manager: EntityManager, sessionId: string): Promise<Set<string>> {
    const rows: { name_key: string; person_group: string; village: number | null }[] = await manager.query(
      `SELECT p.name_key, p.person_group, p.village FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.session_id = $1 AND e.status <> 'withdrawn'`,
      [sessionId],
    );
    return new Set(rows.map((r) => `${r.name_key}|${r.person_group}|${r.village ?? ''}`));
  }

  private async seatOrWaitlist(
    manager: EntityManager,
    session: TrainingSession,
    personId: string,
    existing: Enrolment | null,
    drawCheckInCode: () => string,
  ) {
    if (!ENROLLING_SESSION_STATUSES.includes(session.status)) {
      throw conflict('INVALID_STATE', 'รอบอบรมนี้เสร็จสิ้นหรือถูกยกเลิกแล้ว ลงทะเบียนเพิ่มไม่ได้');
    }
    const seated = (await this.seatsTaken(manager, session.id)) < session.capacity;
    const status: 'enrolled' | 'waitlisted' = seated ? 'enrolled' : 'waitlisted';
    const values = { status, checkedInAt: null, waitlistedAt: seated ? null : this.clock.now() };
    if (existing) await manager.update(Enrolment, { id: existing.id }, values);
    else {
      await manager.insert(Enrolment, {
        organizationId: session.organizationId,
        sessionId: session.id,
        personId,
        checkInCode: drawCheckInCode(),
        ...values,
      });
    }
    return status;
  }

  private async promoteFromWaitlist(manager: EntityManager, session: TrainingSession) {
    if ((await this.seatsTaken(manager, session.id)) >= session.capacity) return;
    const next = await manager.findOne(Enrolment, {
      where: { sessionId: session.id, status: 'waitlisted' },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC' },
    });
    if (next) await manager.update(Enrolment, { id: next.id }, { status: 'enrolled', waitlistedAt: null });
  }

  seatsTaken(manager: EntityManager, sessionId: string): Promise<number> {
    return manager.count(Enrolment, { where: { sessionId, status: In(SEATED) } });
  }

  /** The drawer of new personal check-in codes for a session (see check-in-code.ts); the caller holds the session's row lock. */
  checkInCodeDrawer(manager: EntityManager, sessionId: string): Promise<() => string> {
    return checkInCodeDrawer(manager, sessionId);
  }

  private async requireSession(manager: EntityManager, organizationId: string, sessionId: string) {
    const session = await manager.findOneBy(TrainingSession, { id: sessionId, organizationId });
    if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
    return session;
  }

  private async lockSession(manager: EntityManager, organizationId: string, sessionId: string) {
    const session = await manager.findOne(TrainingSession, {
      where: { id: sessionId, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรมนี้ในหน่วยงานของคุณ');
    return session;
  }
}

function personKey(p: { fullName: string; group: string; village: number | null }): string {
  return `${thaiNameKey(p.fullName)}|${p.group}|${p.village ?? ''}`;
}

/** Confirmed rows come back as JSON; they are checked again exactly as a file's rows are. */
function toTextValues(row: ValidRow): ParsedRow['values'] {
  const ageBands: Record<string, string> = { under_12: 'ต่ำกว่า 12', '12_14': '12-14', '15_17': '15-17', '18_19': '18-19', '20_25': '20-25' };
  return {
    fullName: row.fullName,
    group: row.group,
    village: row.village === null ? '' : String(row.village),
    school: row.school ?? '',
    ageBand: row.ageBand ? ageBands[row.ageBand] : '',
    phone: row.phone ?? '',
    guardianName: row.guardianName ?? '',
  };
}
