import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MINOR_AGE_BANDS, type AttemptResult, type AttemptReview, type JoinRequest, type TraineeAttempt, type TraineeSession } from '@sujarit/contracts';
import { isYouthAudience, testState, thaiNameKey } from '@sujarit/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { AttemptsService, passMarkOrDefault } from '../attempts/attempts.service';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { sha256 } from '../common/sha256';
import { Enrolment } from '../database/entities/enrolment.entity';
import { Person } from '../database/entities/person.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { PeopleService } from '../people/people.service';
import { enrolmentFor, TraineeAccess, wrongCheckInCode } from './trainee-access';

const WALK_IN_STATUSES = ['scheduled', 'open'];

/**
 * A trainee's phone in a session: what it shows, checking in (listed people by name, walk-ins by registering), and
 * each attempt request once the phone is known, handed to AttemptsService. Nothing here returns an answer key, a
 * correctness flag or an explanation.
 */
@Injectable()
export class TraineeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly assessments: AssessmentsService,
    private readonly people: PeopleService,
    private readonly enrolments: EnrolmentsService,
    private readonly access: TraineeAccess,
    private readonly clock: Clock,
  ) {}

  view(code: string, deviceToken: string | undefined, address: string): Promise<TraineeSession> {
    return this.access.answer(code, address, async () => {
      const { session, enrolment } = await this.access.open(this.db.manager, code, deviceToken, address);
      return this.toView(session, enrolment, deviceToken);
    });
  }

  /** Starts or resumes attempt number N of a test (see AttemptsService.start). */
  startAttempt(
    code: string,
    assessmentId: string,
    attemptNumber: number,
    deviceToken: string | undefined,
    address: string,
  ): Promise<TraineeAttempt> {
    return this.access.answer(code, address, async () => {
      const { enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
      return this.attempts.start(enrolment, assessmentId, attemptNumber);
    });
  }

  /**
   * Saves one answer: in one statement when all is in order (the phone is checked inside it), otherwise with the
   * reason it cannot be saved (not joined, submitted, past the deadline, closed, a wrong option).
   */
  async saveAnswer(
    code: string,
    attemptId: string,
    questionId: string,
    optionIds: string[],
    deviceToken: string | undefined,
    address: string,
  ): Promise<void> {
    const phone = deviceToken ? { joinCode: code, deviceTokenHash: sha256(deviceToken) } : null;
    await this.access.answer(code, address, async () => {
      if (phone && (await this.attempts.saveAnswerFromPhone(phone, attemptId, questionId, optionIds))) return;
      const { enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
      await this.attempts.saveAnswer(enrolment, attemptId, questionId, optionIds);
    });
  }

  /** Hands an attempt in (see AttemptsService.submit). */
  submit(
    code: string,
    attemptId: string,
    answers: Record<string, string[]>,
    idempotencyKey: string,
    deviceToken: string | undefined,
    address: string,
  ): Promise<AttemptResult> {
    return this.access.answer(code, address, async () => {
      const { enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
      return this.attempts.submit(enrolment, attemptId, answers, idempotencyKey);
    });
  }

  /** The review of a finished attempt, when the test's settings and state allow it. */
  review(code: string, attemptId: string, deviceToken: string | undefined, address: string): Promise<AttemptReview> {
    return this.access.answer(code, address, async () => {
      const { enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
      return this.attempts.review(enrolment, attemptId);
    });
  }

  /**
   * Check-in from the trainee's own phone. A person already on the session's list checks in by their name and
   * group (and their personal code when the session asks for it); anyone else registers as a walk-in when the
   * session takes walk-ins. The device is remembered for the session. A listed name already held by another phone
   * is refused (see the organizer, who can move it): a name never becomes a second person.
   */
  join(code: string, request: JoinRequest, deviceToken: string | undefined, address: string) {
    return this.access.answer(code, address, () => this.checkIn(code, request, deviceToken, address));
  }

  /**
   * On one connection, in one transaction. A hall checks in at once, so the session's row is locked only for the
   * seat itself, as the transaction's last statements (`takeSeat`), not across the whole check-in: the look-ups,
   * the registry and the page the phone is shown all run without it. Check-ins of the same name (in the
   * organization's registry) wait for each other instead, so one name never becomes two people. Wrong codes are
   * counted after.
   */
  private async checkIn(code: string, request: JoinRequest, deviceToken: string | undefined, address: string) {
    const checkedIn = await this.db.transaction(async (manager) => {
      const { session, enrolment: existing } = await this.access.open(manager, code, deviceToken, address);
      if (existing) return { token: deviceToken as string, session, enrolment: existing };
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        ['check-in', session.organizationId, request.group, thaiNameKey(request.fullName)].join('\n'),
      ]);
      if (session.requireCheckInCode && request.checkInCode !== null) {
        await this.access.refuseWhenCheckInCodesLimited(manager, session.id, address);
      }
      if (!WALK_IN_STATUSES.includes(session.status)) {
        throw conflict('SESSION_CLOSED_FOR_JOINING', 'รอบอบรมนี้ไม่เปิดรับผู้เข้าร่วมแล้ว');
      }
      const token = randomBytes(32).toString('base64url');

      const listed = await this.listedEnrolment(manager, session, request);
      if (listed) {
        // Taken off the list: back only as a walk-in would be, with the same enrolment and person.
        if (listed.status === 'withdrawn' && !session.allowWalkIns) throw notOnList();
        await this.claimListed(manager, session, listed, sha256(token));
        const enrolment = await enrolmentFor(manager, session, token);
        if (!enrolment) throw new Error('unreachable: the enrolment this phone just claimed is not found by its token');
        return { token, session, enrolment };
      }
      if (!session.allowWalkIns) throw notOnList();
      // The same person from an earlier session is reused, so they count once toward the year's target.
      const [known] = await this.people.findSame(manager, session.organizationId, { ...request, village: null });
      if (known && (await manager.findOneBy(Enrolment, { sessionId: session.id, personId: known.id }))) {
        // Unreachable while the listed match above covers every enrolment of this name; never a second person.
        throw checkedInOnAnotherPhone();
      }
      const reused = known ?? null;
      // A child or youth new to the registry: their age band, and below 20 a guardian's consent, before any of
      // their data is kept (PDPA). The schema already requires the guardian once a minor's band is given.
      if (request.group === 'youth' && request.ageBand === null && !hasConsentOrIsAdult(reused)) {
        throw new DomainError(
          'AGE_BAND_REQUIRED',
          'ไม่พบชื่อในรายชื่อที่ลงทะเบียนไว้ เด็กและเยาวชนที่ลงทะเบียนหน้างาน กรุณาเลือกช่วงอายุ และหากอายุต่ำกว่า 20 ปี ให้กรอกชื่อผู้ปกครองที่ยินยอม',
        );
      }
      const guardianName = request.ageBand && MINOR_AGE_BANDS.includes(request.ageBand) ? request.guardianName : null;
      let person: Person;
      if (reused) {
        if (!hasConsentOrIsAdult(reused) && request.ageBand !== null) {
          const consent = { ageBand: request.ageBand, guardianName, guardianConsentRecordedAt: guardianName ? this.clock.now() : null };
          // Not onto a person erased meanwhile: the erasure's lock makes this wait, then skip the row.
          await manager.update(Person, { id: reused.id, erasedAt: IsNull() }, consent);
          Object.assign(reused, consent);
        }
        person = reused;
      } else {
        person = await this.people.insert(manager, session.organizationId, {
          fullName: request.fullName,
          group: request.group,
          village: null,
          school: null,
          ageBand: request.ageBand,
          phone: null,
          guardianName,
        });
      }
      // The seat, last: a full session undoes the whole check-in, the new person with it (nothing kept of them).
      const enrolment = await this.takeSeat(manager, session, person, sha256(token));
      return { token, session, enrolment, walkedIn: true };
    });
    // The page the phone is shown, read after the commit: no lock is held while it is put together. A walk-in's
    // enrolment is new, so it has no attempts to look up.
    const view = await this.toView(checkedIn.session, checkedIn.enrolment, checkedIn.token, this.db.manager, {
      noAttempts: 'walkedIn' in checkedIn,
    });
    return { token: checkedIn.token, view };
  }

  /**
   * A listed enrolment taken by this phone, in one statement that claims it only while no other phone holds it.
   * Someone already seated (enrolled, or checked in at the door) needs no seat; a waitlisted or withdrawn one takes
   * a free seat, under the session's lock as every seat is taken.
   */
  private async claimListed(manager: EntityManager, session: TrainingSession, listed: Enrolment, deviceTokenHash: string): Promise<void> {
    const seated = listed.status === 'enrolled' || listed.status === 'attended';
    if (!seated) await lockSeats(manager, session.id);
    const claimed: unknown[] = await manager.query(
      `UPDATE enrolments e
          SET status = 'attended',
              -- Checked in at the door by the organizer already: that time stands.
              checked_in_at = CASE WHEN e.status = 'attended' AND e.checked_in_at IS NOT NULL THEN e.checked_in_at ELSE $3 END,
              waitlisted_at = NULL,
              device_token_hash = $2
        WHERE e.id = $1 AND e.device_token_hash IS NULL
          AND ($4 OR (SELECT count(*) FROM enrolments o WHERE o.session_id = e.session_id AND o.status IN ('enrolled', 'attended')) < $5)
      RETURNING e.id`,
      [listed.id, deviceTokenHash, this.clock.now(), seated, session.capacity],
    );
    if (rowCount(claimed) === 1) return;
    const now = await manager.findOneBy(Enrolment, { id: listed.id });
    if (!now || now.deviceTokenHash !== null) throw checkedInOnAnotherPhone();
    throw listed.status === 'waitlisted'
      ? conflict('SESSION_FULL', 'ท่านอยู่ในรายชื่อสำรองและรอบนี้เต็มแล้ว กรุณาติดต่อผู้จัดการอบรม')
      : conflict('SESSION_FULL', 'รอบอบรมนี้เต็มแล้ว กรุณาติดต่อผู้จัดการอบรม');
  }

  /**
   * A walk-in's seat: under the session's lock, a check-in code drawn from those in use and the enrolment inserted
   * only while a seat is free, in one statement that counts the seats as they are once the lock is held. These are
   * the transaction's last statements, so the lock is held for them and the commit only.
   */
  private async takeSeat(manager: EntityManager, session: TrainingSession, person: Person, deviceTokenHash: string): Promise<Enrolment> {
    await lockSeats(manager, session.id);
    const drawCheckInCode = await this.enrolments.checkInCodeDrawer(manager, session.id);
    const seat = {
      organizationId: session.organizationId,
      sessionId: session.id,
      personId: person.id,
      status: 'attended' as const,
      checkedInAt: this.clock.now(),
      waitlistedAt: null,
      deviceTokenHash,
      checkInCode: drawCheckInCode(),
    };
    const inserted: { id: string; created_at: Date }[] = await manager.query(
      `INSERT INTO enrolments (organization_id, session_id, person_id, status, checked_in_at, waitlisted_at, device_token_hash, check_in_code)
       SELECT $1, $2, $3, 'attended', $4, NULL, $5, $6
        WHERE (SELECT count(*) FROM enrolments o WHERE o.session_id = $2 AND o.status IN ('enrolled', 'attended')) < $7
       RETURNING id, created_at`,
      [seat.organizationId, seat.sessionId, seat.personId, seat.checkedInAt, seat.deviceTokenHash, seat.checkInCode, session.capacity],
    );
    if (inserted.length === 0) throw conflict('SESSION_FULL', 'รอบอบรมนี้เต็มแล้ว กรุณาติดต่อผู้จัดการอบรม');
    return Object.assign(new Enrolment(), seat, { id: inserted[0].id, createdAt: inserted[0].created_at, person });
  }

  /**
   * The enrolment on the session's list that this name and group check in to. Every enrolment of the name counts,
   * whatever its status and whether a phone holds it, so a name already in the session never becomes a walk-in
   * (a second person). When the session asks for personal codes, the code picks the enrolment; otherwise the first
   * one no phone holds. One that another phone holds is refused: the organizer can move it.
   */
  private async listedEnrolment(manager: EntityManager, session: TrainingSession, request: JoinRequest): Promise<Enrolment | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT e.id FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.session_id = $1 AND p.name_key = $2 AND p.person_group = $3 AND p.erased_at IS NULL
        ORDER BY e.created_at`,
      [session.id, thaiNameKey(request.fullName), request.group],
    );
    if (rows.length === 0) return null;
    const candidates = await manager.findBy(Enrolment, { id: In(rows.map((r) => r.id)) });
    candidates.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    let chosen: Enrolment | undefined;
    if (session.requireCheckInCode) {
      if (request.checkInCode === null) {
        throw new DomainError(
          'CHECK_IN_CODE_REQUIRED',
          'รอบอบรมนี้ใช้รหัสเช็กอินส่วนตัว กรุณากรอกรหัส 4 หลักที่อยู่ข้างชื่อของท่านในรายชื่อ หรือขอจากผู้จัดการอบรม',
        );
      }
      chosen = candidates.find((e) => e.checkInCode === request.checkInCode);
      if (!chosen) throw wrongCheckInCode(session.id);
    } else {
      const free = candidates.filter((e) => e.deviceTokenHash === null);
      chosen = free.find((e) => e.status !== 'withdrawn') ?? free[0];
    }
    if (!chosen || chosen.deviceTokenHash !== null) throw checkedInOnAnotherPhone();
    return chosen;
  }

  /** The phone's session page. `noAttempts`: the enrolment was made just now, so it has none to look up. */
  private async toView(
    session: TrainingSession,
    enrolment: Enrolment | null,
    deviceToken: string | undefined,
    manager: EntityManager = this.db.manager,
    options: { noAttempts?: boolean } = {},
  ): Promise<TraineeSession> {
    const now = this.clock.now();
    // The program and the pass mark of its year, in one query (the session page shows the mark beside each test).
    const [program, tests] = await Promise.all([
      manager.query(
        `SELECT p.name, p.audience, py.pass_mark_percent FROM programs p
           LEFT JOIN program_years py ON py.organization_id = p.organization_id AND py.program_id = p.id AND py.fiscal_year = $2
          WHERE p.id = $1`,
        [session.programId, session.fiscalYear],
      ) as Promise<{ name: string; audience: string; pass_mark_percent: string | null }[]>,
      this.assessments.ofSession(manager, session.id),
    ]);
    const mine = await this.attempts.onPhone(manager, enrolment, tests.map((t) => t.test), {
      noAttempts: options.noAttempts,
      passMarkPercent: passMarkOrDefault(program[0]?.pass_mark_percent),
    });
    return {
      joinCode: session.joinCode,
      title: session.title,
      programName: program[0]?.name ?? '',
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      venue: session.venue,
      acceptingWalkIns: WALK_IN_STATUSES.includes(session.status),
      walkInsAllowed: session.allowWalkIns,
      checkInCodeRequired: session.requireCheckInCode,
      youthProgram: isYouthAudience(program[0]?.audience ?? ''),
      // The cookie is scoped to this session's path, so a token that matches nothing here was this session's.
      noLongerJoined: enrolment === null && deviceToken !== undefined,
      me: enrolment
        ? { fullName: enrolment.person?.fullName ?? '', checkedInAt: enrolment.checkedInAt?.toISOString() ?? null }
        : null,
      assessments: tests.map(({ test: a, questionCount }) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        state: testState(a, now),
        opensAt: a.opensAt?.toISOString() ?? null,
        closesAt: a.closesAt?.toISOString() ?? null,
        timeLimitMinutes: a.timeLimitMinutes,
        questionCount,
        attemptsAllowed: a.attemptsAllowed,
        resultsVisibility: a.resultsVisibility,
        ...(mine.get(a.id) ?? { passMarkPercent: null, attemptsUsed: 0, myAttempt: null, canRetake: false, reviewAvailable: false }),
      })),
    };
  }
}

/**
 * The session's row lock, which every change that takes or frees a seat takes first (EnrolmentsService too): a
 * statement run after it counts the seats as they are, so two phones never take the last seat together.
 */
async function lockSeats(manager: EntityManager, sessionId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM training_sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
}

/** Rows an UPDATE … RETURNING touched, as TypeORM's postgres driver returns them ([rows, count]). */
function rowCount(result: unknown[]): number {
  return Array.isArray(result[0]) ? (result[1] as number) : result.length;
}

/** A person already in the registry who may take part without asking again: an adult, or a minor with consent. */
function hasConsentOrIsAdult(person: Person | null): boolean {
  if (!person) return false;
  if (person.group !== 'youth') return true;
  if (person.ageBand === null) return false;
  return !MINOR_AGE_BANDS.includes(person.ageBand) || person.guardianConsentRecordedAt !== null;
}

const notOnList = () =>
  notFound('NOT_ON_LIST', 'ไม่พบชื่อของท่านในรายชื่อผู้ลงทะเบียนรอบนี้ ตรวจสอบการสะกดชื่อ หรือติดต่อผู้จัดการอบรม');

const checkedInOnAnotherPhone = () =>
  conflict(
    'CHECKED_IN_ON_ANOTHER_PHONE',
    'ชื่อนี้ลงชื่อเข้าร่วมจากโทรศัพท์เครื่องอื่นแล้ว กรุณาติดต่อผู้จัดการอบรม ซึ่งย้ายการลงชื่อมายังเครื่องนี้ได้',
  );
