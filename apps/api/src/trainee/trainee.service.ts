import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AssessmentKind,
  AttemptResult,
  JoinRequest,
  TraineeAttempt,
  TraineeSession,
} from '@sujarit/contracts';
import { thaiNameKey } from '@sujarit/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { Attempt } from '../attempts/attempt.entity';
import { byKindOrder } from '../assessments/assessment-order';
import { AttemptsService } from '../attempts/attempts.service';
import { sha256 } from '../auth/auth.service';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../enrolments/enrolment.entity';
import { PeopleService } from '../people/people.service';
import { Question } from '../questions/question.entity';
import { TrainingSession } from '../sessions/training-session.entity';

const WALK_IN_STATUSES = ['scheduled', 'open'];

/**
 * What a trainee's phone may do, by join code and the device token in its cookie.
 * Nothing here returns an answer key, a correctness flag or an explanation.
 */
@Injectable()
export class TraineeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly people: PeopleService,
  ) {}

  async view(code: string, deviceToken: string | undefined): Promise<TraineeSession> {
    const session = await this.sessionByCode(this.db.manager, code);
    const enrolment = await this.enrolmentFor(this.db.manager, session, deviceToken);
    return this.toView(session, enrolment);
  }

  /**
   * Check-in from the trainee's own phone. A person already on the session's list checks in by
   * their name and group; anyone else registers as a walk-in when the session takes walk-ins.
   * The device is remembered for the session.
   */
  async join(code: string, request: JoinRequest, deviceToken: string | undefined) {
    return this.db.transaction(async (manager) => {
      const session = await this.sessionByCode(manager, code, true);
      const existing = await this.enrolmentFor(manager, session, deviceToken);
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
      const person =
        known && !inThisSession
          ? known
          : await this.people.insert(manager, session.organizationId, {
              fullName: request.fullName,
              group: request.group,
              village: null,
              school: null,
              ageBand: null,
              phone: null,
              guardianName: null,
            });
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

  /** Starts the attempt, or resumes it with the answers already saved. */
  async startAttempt(code: string, kind: AssessmentKind, deviceToken: string | undefined): Promise<TraineeAttempt> {
    const { session, enrolment } = await this.requireTrainee(this.db.manager, code, deviceToken);
    const assessment = await this.db.manager.findOneBy(Assessment, { sessionId: session.id, kind });
    if (!assessment) throw notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบนี้');
    let attempt = await this.db.manager.findOneBy(Attempt, { assessmentId: assessment.id, enrolmentId: enrolment.id });
    if (!attempt) {
      requireOpen(assessment);
      await this.db
        .createQueryBuilder()
        .insert()
        .into(Attempt)
        .values({ organizationId: session.organizationId, assessmentId: assessment.id, enrolmentId: enrolment.id, startedAt: new Date() })
        .orIgnore()
        .execute();
      attempt = await this.db.manager.findOneByOrFail(Attempt, { assessmentId: assessment.id, enrolmentId: enrolment.id });
    }
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
    const byId = new Map(questions.map((q) => [q.id, q]));
    return {
      id: attempt.id,
      assessmentId: assessment.id,
      kind,
      questions: assessment.questionIds.flatMap((id) => {
        const q = byId.get(id);
        return q ? [{ id: q.id, type: q.type, stem: q.stem, options: q.options.map((o) => ({ id: o.id, text: o.text })) }] : [];
      }),
      answers: attempt.answers,
      submitted: attempt.submittedAt !== null,
    };
  }

  /** Saves one answer as it is given; saving the same answer twice changes nothing. */
  async saveAnswer(code: string, attemptId: string, questionId: string, optionIds: string[], deviceToken: string | undefined) {
    await this.db.transaction(async (manager) => {
      const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken);
      if (attempt.submittedAt) throw conflict('ATTEMPT_ALREADY_SUBMITTED', 'ส่งคำตอบชุดนี้ไปแล้ว แก้ไขไม่ได้');
      requireOpen(assessment);
      await this.validateAnswer(manager, assessment, questionId, optionIds);
      attempt.answers = { ...attempt.answers, [questionId]: [...new Set(optionIds)] };
      await manager.save(attempt);
    });
  }

  /**
   * Scores on the server. A retry returns the first result, so a lost response on a weak line is safe;
   * the same Idempotency-Key with different answers is refused.
   */
  async submit(
    code: string,
    attemptId: string,
    answers: Record<string, string[]>,
    idempotencyKey: string,
    deviceToken: string | undefined,
  ): Promise<AttemptResult> {
    const requestHash = hashAnswers(answers);
    return this.db.transaction(async (manager) => {
      const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken);
      if (attempt.submittedAt) {
        if (attempt.submitIdempotencyKey === idempotencyKey && attempt.submitRequestHash !== requestHash) {
          throw conflict('IDEMPOTENCY_KEY_REUSED', 'คำตอบชุดนี้ถูกส่งไปแล้วด้วยคำตอบที่ต่างออกไป ผลที่บันทึกไว้คือผลของการส่งครั้งแรก');
        }
      } else {
        // After the test closes the saved answers are scored as they stand; late changes are not taken.
        if (assessment.status === 'open') {
          for (const [questionId, optionIds] of Object.entries(answers)) {
            await this.validateAnswer(manager, assessment, questionId, optionIds);
            attempt.answers = { ...attempt.answers, [questionId]: [...new Set(optionIds)] };
          }
        }
        attempt.submitIdempotencyKey = idempotencyKey;
        attempt.submitRequestHash = requestHash;
        await this.attempts.finish(manager, attempt, assessment.questionIds, new Date());
      }
      return {
        attemptId: attempt.id,
        kind: assessment.kind,
        score: attempt.score ?? 0,
        maxScore: attempt.maxScore ?? 0,
        percent: attempt.percent ?? 0,
        submittedAt: (attempt.submittedAt as Date).toISOString(),
      };
    });
  }

  private async validateAnswer(manager: EntityManager, assessment: Assessment, questionId: string, optionIds: string[]) {
    if (!assessment.questionIds.includes(questionId)) {
      throw new DomainError('QUESTION_NOT_IN_ASSESSMENT', 'คำถามนี้ไม่อยู่ในแบบทดสอบชุดนี้');
    }
    const question = await manager.findOneByOrFail(Question, { id: questionId });
    const known = new Set(question.options.map((o) => o.id));
    if (optionIds.some((id) => !known.has(id)) || optionIds.length > 1) {
      throw new DomainError('OPTION_NOT_IN_QUESTION', 'ตัวเลือกที่ส่งมาไม่ตรงกับคำถาม กรุณาเลือกคำตอบใหม่');
    }
  }

  private async lockAttempt(manager: EntityManager, code: string, attemptId: string, deviceToken: string | undefined) {
    const { enrolment } = await this.requireTrainee(manager, code, deviceToken);
    const attempt = await manager.findOne(Attempt, {
      where: { id: attemptId, enrolmentId: enrolment.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const assessment = await manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    return { attempt, assessment };
  }

  private async requireTrainee(manager: EntityManager, code: string, deviceToken: string | undefined) {
    const session = await this.sessionByCode(manager, code);
    const enrolment = await this.enrolmentFor(manager, session, deviceToken);
    if (!enrolment) {
      throw new DomainError('NOT_JOINED', 'กรุณาลงชื่อเข้าร่วมรอบอบรมนี้ก่อน', HttpStatus.UNAUTHORIZED);
    }
    return { session, enrolment };
  }

  private async sessionByCode(manager: EntityManager, code: string, lock = false): Promise<TrainingSession> {
    const session = await manager.findOne(TrainingSession, {
      where: { joinCode: code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!session) throw notFound('JOIN_CODE_NOT_FOUND', 'ไม่พบรอบอบรมของรหัสนี้ ตรวจสอบรหัสอีกครั้ง');
    return session;
  }

  private async enrolmentFor(manager: EntityManager, session: TrainingSession, deviceToken: string | undefined) {
    if (!deviceToken) return null;
    return manager.findOne(Enrolment, {
      where: { sessionId: session.id, deviceTokenHash: sha256(deviceToken) },
      relations: { person: true },
    });
  }

  private async toView(session: TrainingSession, enrolment: Enrolment | null, manager: EntityManager = this.db.manager): Promise<TraineeSession> {
    const [program, assessments] = await Promise.all([
      manager.query(`SELECT name FROM programs WHERE id = $1`, [session.programId]) as Promise<{ name: string }[]>,
      manager.find(Assessment, { where: { sessionId: session.id } }).then(byKindOrder),
    ]);
    const attempts = enrolment
      ? await manager.findBy(Attempt, { enrolmentId: enrolment.id, assessmentId: In(assessments.map((a) => a.id)) })
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
        const attempt = attempts.find((t) => t.assessmentId === a.id);
        return {
          id: a.id,
          kind: a.kind,
          status: a.status,
          questionCount: a.questionIds.length,
          myAttempt: attempt
            ? {
                id: attempt.id,
                submitted: attempt.submittedAt !== null,
                score: attempt.score,
                maxScore: attempt.maxScore,
                percent: attempt.percent,
              }
            : null,
        };
      }),
    };
  }
}

function requireOpen(assessment: Assessment) {
  if (assessment.status !== 'open') {
    const message = assessment.status === 'draft' ? 'แบบทดสอบยังไม่เปิด กรุณารอผู้จัดการอบรม' : 'แบบทดสอบปิดแล้ว';
    throw conflict('ASSESSMENT_NOT_OPEN', message);
  }
}

/** The same answers in any key or option order give the same hash. */
function hashAnswers(answers: Record<string, string[]>): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((questionId) => [questionId, [...new Set(answers[questionId])].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
