import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MINOR_AGE_BANDS, type JoinRequest, type TraineeSession } from '@sujarit/contracts';
import { thaiNameKey } from '@sujarit/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { byKindOrder } from '../assessments/assessment-order';
import { assessmentState, effectiveDeadline } from '../assessments/assessment-state';
import { Attempt } from '../attempts/attempt.entity';
import { AttemptsService } from '../attempts/attempts.service';
import { sha256 } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';
import { PeopleService } from '../people/people.service';
import { TrainingSession } from '../sessions/training-session.entity';
import { reviewAvailable, visibleScore } from './attempt-rules';
import { enrolmentFor, sessionByCode } from './trainee-access';

const WALK_IN_STATUSES = ['scheduled', 'open'];

/**
 * A trainee's phone in a session: what it shows, and checking in (listed people by name, walk-ins by
 * registering). Nothing here returns an answer key, a correctness flag or an explanation.
 */
@Injectable()
export class TraineeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  async view(code: string, deviceToken: string | undefined): Promise<TraineeSession> {
    const session = await sessionByCode(this.db.manager, code);
    const enrolment = await enrolmentFor(this.db.manager, session, deviceToken);
    return this.toView(session, enrolment);
  }

  /**
   * Check-in from the trainee's own phone. A person already on the session's list checks in by
   * their name and group; anyone else registers as a walk-in when the session takes walk-ins.
   * The device is remembered for the session.
   */
  async join(code: string, request: JoinRequest, deviceToken: string | undefined) {
    return this.db.transaction(async (manager) => {
      const session = await sessionByCode(manager, code, true);
      const existing = await enrolmentFor(manager, session, deviceToken);
      if (existing) return { token: deviceToken as string, view: await this.toView(session, existing, manager) };
      if (!WALK_IN_STATUSES.includes(session.status)) {
        throw conflict('SESSION_CLOSED_FOR_JOINING', 'รอบอบรมนี้ไม่เปิดรับผู้เข้าร่วมแล้ว');
      }
      const token = randomBytes(32).toString('base64url');
      const checkIn = { status: 'attended' as const, checkedInAt: new Date(), waitlistedAt: null, deviceTokenHash: sha256(token) };
      const taken = () => manager.count(Enrolment, { where: { sessionId: session.id, status: In(['enrolled', 'attended']) } });

      const listed = await this.listedEnrolment(manager, session, request);
      if (listed) {
        if (listed.status === 'waitlisted' && (await taken()) >= session.capacity) {
          throw conflict('SESSION_FULL', 'ท่านอยู่ในรายชื่อสำรองและรอบนี้เต็มแล้ว กรุณาติดต่อผู้จัดการอบรม');
        }
        await manager.update(Enrolment, { id: listed.id }, checkIn);
        const enrolment = await manager.findOneOrFail(Enrolment, { where: { id: listed.id }, relations: { person: true } });
        return { token, view: await this.toView(session, enrolment, manager) };
      }
      if (!session.allowWalkIns) {
        throw notFound('NOT_ON_LIST', 'ไม่พบชื่อของท่านในรายชื่อผู้ลงทะเบียนรอบนี้ ตรวจสอบการสะกดชื่อ หรือติดต่อผู้จัดการอบรม');
      }
      if ((await taken()) >= session.capacity) throw conflict('SESSION_FULL', 'รอบอบรมนี้เต็มแล้ว กรุณาติดต่อผู้จัดการอบรม');
      // The same person from an earlier session is reused, so they count once toward the year's target.
      const [known] = await this.people.findSame(manager, session.organizationId, { ...request, village: null });
      const inThisSession = known ? await manager.findOneBy(Enrolment, { sessionId: session.id, personId: known.id }) : null;
      const reused = known && !inThisSession ? known : null;
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
          const consent = { ageBand: request.ageBand, guardianName, guardianConsentRecordedAt: guardianName ? new Date() : null };
          await manager.update(Person, { id: reused.id }, consent);
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
      const enrolment = await manager.getRepository(Enrolment).save({
        organizationId: session.organizationId,
        sessionId: session.id,
        personId: person.id,
        ...checkIn,
      });
      enrolment.person = person;
      return { token, view: await this.toView(session, enrolment, manager) };
    });
  }

  /** The enrolment of this name and group on the session's list that no device has claimed yet. */
  private async listedEnrolment(manager: EntityManager, session: TrainingSession, request: JoinRequest) {
    const rows: { id: string }[] = await manager.query(
      `SELECT e.id FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.session_id = $1 AND e.device_token_hash IS NULL AND e.status IN ('enrolled', 'waitlisted', 'absent')
          AND p.name_key = $2 AND p.person_group = $3 AND p.erased_at IS NULL
        ORDER BY e.created_at LIMIT 1`,
      [session.id, thaiNameKey(request.fullName), request.group],
    );
    return rows[0] ? manager.findOneByOrFail(Enrolment, { id: rows[0].id }) : null;
  }

  private async toView(session: TrainingSession, enrolment: Enrolment | null, manager: EntityManager = this.db.manager): Promise<TraineeSession> {
    const now = this.clock.now();
    if (enrolment) await this.attempts.finishOverdue(manager, { enrolmentId: enrolment.id }, now);
    const [program, assessments] = await Promise.all([
      manager.query(`SELECT name FROM programs WHERE id = $1`, [session.programId]) as Promise<{ name: string }[]>,
      manager.find(Assessment, { where: { sessionId: session.id } }).then(byKindOrder),
    ]);
    const attempts = enrolment
      ? await manager.find(Attempt, {
          where: { enrolmentId: enrolment.id, assessmentId: In(assessments.map((a) => a.id)) },
          order: { attemptNumber: 'ASC' },
        })
      : [];
    return {
      joinCode: session.joinCode,
      title: session.title,
      programName: program[0]?.name ?? '',
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      venue: session.venue,
      acceptingWalkIns: WALK_IN_STATUSES.includes(session.status),
      walkInsAllowed: session.allowWalkIns,
      me: enrolment
        ? { fullName: enrolment.person?.fullName ?? '', checkedInAt: enrolment.checkedInAt?.toISOString() ?? null }
        : null,
      assessments: assessments.map((a) => {
        const mine = attempts.filter((t) => t.assessmentId === a.id);
        const latest = mine.at(-1) ?? null;
        const state = assessmentState(a, now);
        return {
          id: a.id,
          kind: a.kind,
          title: a.title,
          state,
          opensAt: a.opensAt?.toISOString() ?? null,
          closesAt: a.closesAt?.toISOString() ?? null,
          timeLimitMinutes: a.timeLimitMinutes,
          questionCount: a.questionIds.length,
          attemptsAllowed: a.attemptsAllowed,
          attemptsUsed: mine.length,
          resultsVisibility: a.resultsVisibility,
          myAttempt: latest
            ? {
                id: latest.id,
                attemptNumber: latest.attemptNumber,
                submitted: latest.submittedAt !== null,
                finishReason: latest.finishReason,
                deadlineAt: effectiveDeadline(latest.deadlineAt, a)?.toISOString() ?? null,
                ...visibleScore(a, latest, now),
              }
            : null,
          canRetake: state === 'open' && latest?.submittedAt != null && mine.length < a.attemptsAllowed,
          reviewAvailable: latest !== null && reviewAvailable(a, latest, now),
        };
      }),
    };
  }
}

/** A person already in the registry who may take part without asking again: an adult, or a minor with consent. */
function hasConsentOrIsAdult(person: Person | null): boolean {
  if (!person) return false;
  if (person.group !== 'youth') return true;
  if (person.ageBand === null) return false;
  return !MINOR_AGE_BANDS.includes(person.ageBand) || person.guardianConsentRecordedAt !== null;
}
