import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEADLINE_GRACE_SECONDS,
  MINOR_AGE_BANDS,
  type AttemptResult,
  type AttemptReview,
  type JoinRequest,
  type TraineeAttempt,
  type TraineeSession,
} from '@sujarit/contracts';
import { earnedPercent, QuestionType, questionScore, ScoringKey, thaiNameKey } from '@sujarit/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { Attempt } from '../attempts/attempt.entity';
import { byKindOrder } from '../assessments/assessment-order';
import { AttemptsService, scoringKey } from '../attempts/attempts.service';
import { assessmentState, effectiveDeadline, pastGrace } from '../assessments/assessment-state';
import { shuffle } from '../assessments/assessments.service';
import { Clock } from '../common/clock';
import { sha256 } from '../auth/auth.service';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';
import { PeopleService } from '../people/people.service';
import { Question } from '../questions/question.entity';
import { TrainingSession } from '../sessions/training-session.entity';

const WALK_IN_STATUSES = ['scheduled', 'open'];
/** Questions whose options are kept in memory for saving answers (a few thousand banks' worth). */
const QUESTION_CACHE_SIZE = 5000;

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
    private readonly clock: Clock,
  ) {}

  private readonly questionOptions = new Map<string, { type: QuestionType; optionIds: Set<string> }>();

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

  /**
   * Starts attempt number N, or resumes it with its answers, its question order and its deadline.
   * A retry of the same request finds the same attempt, so a lost response never makes a second one.
   */
  async startAttempt(code: string, assessmentId: string, attemptNumber: number, deviceToken: string | undefined): Promise<TraineeAttempt> {
    const now = this.clock.now();
    const { session, enrolment } = await this.requireTrainee(this.db.manager, code, deviceToken);
    const assessment = await this.db.manager.findOneBy(Assessment, { id: assessmentId, sessionId: session.id });
    if (!assessment) throw notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบนี้');
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { enrolmentId: enrolment.id }, now));
    const mine = { assessmentId: assessment.id, enrolmentId: enrolment.id };
    let attempt = await this.db.manager.findOneBy(Attempt, { ...mine, attemptNumber });
    if (!attempt) {
      requireOpen(assessment, now);
      if (attemptNumber > assessment.attemptsAllowed) {
        throw conflict('NO_ATTEMPTS_LEFT', `แบบทดสอบนี้ทำได้ ${assessment.attemptsAllowed} ครั้ง และท่านทำครบแล้ว`);
      }
      if (attemptNumber > 1) {
        const previous = await this.db.manager.findOneBy(Attempt, { ...mine, attemptNumber: attemptNumber - 1 });
        if (!previous?.submittedAt) {
          throw conflict('INVALID_STATE', 'ส่งคำตอบครั้งก่อนให้เรียบร้อยก่อนเริ่มทำครั้งใหม่');
        }
      }
      await this.db
        .createQueryBuilder()
        .insert()
        .into(Attempt)
        .values({
          organizationId: session.organizationId,
          ...mine,
          attemptNumber,
          startedAt: now,
          deadlineAt: firstDeadline(assessment, now),
          ...(await this.orderFor(assessment)),
        })
        .orIgnore()
        .execute();
      attempt = await this.db.manager.findOneByOrFail(Attempt, { ...mine, attemptNumber });
    }
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const order = attempt.questionOrder.length > 0 ? attempt.questionOrder : assessment.questionIds;
    return {
      id: attempt.id,
      assessmentId: assessment.id,
      kind: assessment.kind,
      title: assessment.title,
      attemptNumber: attempt.attemptNumber,
      questions: order.flatMap((id) => {
        const q = byId.get(id);
        if (!q) return [];
        const optionOrder = attempt.optionOrder[q.id] ?? q.options.map((o) => o.id);
        const options = optionOrder.flatMap((oid) => q.options.filter((o) => o.id === oid).map((o) => ({ id: o.id, text: o.text })));
        return [{ id: q.id, type: q.type, stem: q.stem, options }];
      }),
      answers: attempt.answers,
      submitted: attempt.submittedAt !== null,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: effectiveDeadline(attempt.deadlineAt, assessment)?.toISOString() ?? null,
      serverNow: this.clock.now().toISOString(),
    };
  }

  /** This attempt's order of questions and of options, shuffled when the test says so. */
  private async orderFor(assessment: Assessment) {
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
    const questionOrder = assessment.shuffleQuestions ? shuffle(assessment.questionIds) : assessment.questionIds;
    const optionOrder = Object.fromEntries(
      questions.map((q) => {
        const ids = q.options.map((o) => o.id);
        // True/false and Likert scales keep their natural order.
        const shuffled = assessment.shuffleOptions && (q.type === 'single_choice' || q.type === 'multiple_choice');
        return [q.id, shuffled ? shuffle(ids) : ids];
      }),
    );
    return { questionOrder, optionOrder };
  }

  /**
   * Saves one answer as it is given; saving the same answer twice changes nothing. After the deadline and its
   * grace the attempt is finished with what it saved, and the phone is told so.
   */
  async saveAnswer(code: string, attemptId: string, questionId: string, optionIds: string[], deviceToken: string | undefined) {
    const now = this.clock.now();
    if (deviceToken && (await this.saveInOneStatement(code, attemptId, questionId, optionIds, deviceToken, now))) return;
    // Anything else (not joined, submitted, past the deadline, closed, a wrong option) is sorted out here, with its reason.
    const overdue = await this.db.transaction(async (manager) => {
      const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken);
      if (attempt.submittedAt) {
        if (attempt.finishReason === 'deadline') return true;
        throw conflict('ATTEMPT_ALREADY_SUBMITTED', 'ส่งคำตอบชุดนี้ไปแล้ว แก้ไขไม่ได้');
      }
      const deadline = effectiveDeadline(attempt.deadlineAt, assessment);
      if (pastGrace(deadline, now)) {
        await this.attempts.finish(manager, attempt, assessment, deadline as Date, 'deadline');
        return true;
      }
      requireAnswerable(assessment, now);
      await this.validateAnswer(manager, assessment, questionId, optionIds);
      attempt.answers = { ...attempt.answers, [questionId]: [...new Set(optionIds)] };
      await manager.save(attempt);
      return false;
    });
    if (overdue) {
      throw conflict('ATTEMPT_DEADLINE_PASSED', 'หมดเวลาทำแบบทดสอบแล้ว ระบบส่งคำตอบที่บันทึกไว้ให้แล้ว');
    }
  }

  /**
   * The usual save, when everything is in order, as one atomic statement: a whole room answering at once
   * must not queue behind row locks and round trips. Returns false when the statement did not apply.
   */
  private async saveInOneStatement(
    code: string,
    attemptId: string,
    questionId: string,
    optionIds: string[],
    deviceToken: string,
    now: Date,
  ): Promise<boolean> {
    const question = await this.optionsOf(questionId);
    const chosen = [...new Set(optionIds)];
    if (!question || chosen.some((id) => !question.optionIds.has(id)) || (question.type !== 'multiple_choice' && chosen.length > 1)) {
      return false;
    }
    const [{ saved }]: { saved: number }[] = await this.db.query(
      `WITH saved AS (
         UPDATE attempts t SET answers = t.answers || jsonb_build_object($4::text, $5::jsonb)
           FROM assessments a, enrolments e, training_sessions s
          WHERE t.id = $1 AND a.id = t.assessment_id AND e.id = t.enrolment_id AND s.id = e.session_id
            AND s.join_code = $2 AND e.device_token_hash = $3
            AND t.submitted_at IS NULL AND a.status = 'open' AND a.question_ids ? $4
            AND (LEAST(t.deadline_at, a.closes_at) IS NULL
                 OR LEAST(t.deadline_at, a.closes_at) + make_interval(secs => $7) >= $6)
         RETURNING t.id)
       SELECT count(*)::int AS saved FROM saved`,
      [attemptId, code, sha256(deviceToken), questionId, JSON.stringify(chosen), now, DEADLINE_GRACE_SECONDS],
    );
    return saved === 1;
  }

  /**
   * A question's type and option ids, kept in memory: a question any attempt has used never changes in place
   * (editing makes a new version), and only such questions are asked for here.
   */
  private async optionsOf(questionId: string) {
    const cached = this.questionOptions.get(questionId);
    if (cached) return cached;
    const question = await this.db.manager.findOne(Question, { where: { id: questionId }, select: { id: true, type: true, options: true } });
    if (!question) return null;
    const entry = { type: question.type, optionIds: new Set(question.options.map((o) => o.id)) };
    if (this.questionOptions.size >= QUESTION_CACHE_SIZE) {
      this.questionOptions.delete(this.questionOptions.keys().next().value as string);
    }
    this.questionOptions.set(questionId, entry);
    return entry;
  }

  /**
   * Scores on the server. A retry returns the first result, so a lost response on a weak line is safe;
   * the same Idempotency-Key with different answers is refused. Past the deadline and its grace only the
   * answers saved in time count.
   */
  async submit(
    code: string,
    attemptId: string,
    answers: Record<string, string[]>,
    idempotencyKey: string,
    deviceToken: string | undefined,
  ): Promise<AttemptResult> {
    const requestHash = hashAnswers(answers);
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken);
      if (attempt.submittedAt) {
        if (attempt.submitIdempotencyKey === idempotencyKey && attempt.submitRequestHash !== requestHash) {
          throw conflict('IDEMPOTENCY_KEY_REUSED', 'คำตอบชุดนี้ถูกส่งไปแล้วด้วยคำตอบที่ต่างออกไป ผลที่บันทึกไว้คือผลของการส่งครั้งแรก');
        }
      } else {
        const deadline = effectiveDeadline(attempt.deadlineAt, assessment);
        attempt.submitIdempotencyKey = idempotencyKey;
        attempt.submitRequestHash = requestHash;
        if (pastGrace(deadline, now)) {
          await this.attempts.finish(manager, attempt, assessment, deadline as Date, 'deadline');
        } else {
          // Until the deadline's grace ends the phone's answers count; once the organizer has closed the test,
          // the saved answers are scored as they stand and late changes are not taken.
          if (assessment.status === 'open') {
            for (const [questionId, optionIds] of Object.entries(answers)) {
              await this.validateAnswer(manager, assessment, questionId, optionIds);
              attempt.answers = { ...attempt.answers, [questionId]: [...new Set(optionIds)] };
            }
          }
          // A phone handing in as its time runs out (within the grace) finished by the deadline, not by choice.
          const reason = deadline && now > deadline ? 'deadline' : 'submitted';
          await this.attempts.finish(manager, attempt, assessment, now, reason);
        }
      }
      return {
        attemptId: attempt.id,
        kind: assessment.kind,
        ...visibleScore(assessment, attempt, now),
        resultsVisibility: assessment.resultsVisibility,
        finishReason: attempt.finishReason ?? 'submitted',
        submittedAt: (attempt.submittedAt as Date).toISOString(),
      };
    });
  }

  /**
   * The right answers and explanations of a finished attempt: only once the test has closed, and only when its
   * settings show the review.
   */
  async review(code: string, attemptId: string, deviceToken: string | undefined): Promise<AttemptReview> {
    const now = this.clock.now();
    const { enrolment } = await this.requireTrainee(this.db.manager, code, deviceToken);
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { enrolmentId: enrolment.id }, now));
    const attempt = await this.db.manager.findOneBy(Attempt, { id: attemptId, enrolmentId: enrolment.id });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const assessment = await this.db.manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    if (!reviewAvailable(assessment, attempt, now)) {
      throw conflict('REVIEW_NOT_AVAILABLE', 'ยังดูเฉลยไม่ได้ เฉลยจะแสดงหลังปิดแบบทดสอบ หากผู้จัดการอบรมเปิดให้ดู');
    }
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const order = attempt.questionOrder.length > 0 ? attempt.questionOrder : assessment.questionIds;
    return {
      attemptId: attempt.id,
      title: assessment.title,
      ...visibleScore(assessment, attempt, now),
      questions: order.flatMap((id) => {
        const q = byId.get(id);
        if (!q) return [];
        const key = scoringKey(q);
        const chosen = attempt.answers[q.id] ?? [];
        const optionOrder = attempt.optionOrder[q.id] ?? q.options.map((o) => o.id);
        return [
          {
            id: q.id,
            type: q.type,
            stem: q.stem,
            options: optionOrder.flatMap((oid) =>
              q.options
                .filter((o) => o.id === oid)
                .map((o) => ({ id: o.id, text: o.text, correct: isRightOption(key, o.id) })),
            ),
            chosenOptionIds: chosen,
            points: q.type === 'likert' ? 0 : q.points,
            earned: questionScore(key, chosen),
            explanation: q.explanation,
          },
        ];
      }),
    };
  }

  private async validateAnswer(manager: EntityManager, assessment: Assessment, questionId: string, optionIds: string[]) {
    if (!assessment.questionIds.includes(questionId)) {
      throw new DomainError('QUESTION_NOT_IN_ASSESSMENT', 'คำถามนี้ไม่อยู่ในแบบทดสอบชุดนี้');
    }
    const question = await manager.findOneByOrFail(Question, { id: questionId });
    const known = new Set(question.options.map((o) => o.id));
    const tooMany = question.type !== 'multiple_choice' && optionIds.length > 1;
    if (optionIds.some((id) => !known.has(id)) || tooMany) {
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

/** The deadline an attempt gets when it starts: its time limit, cut short by the test's closing time. */
function firstDeadline(assessment: Assessment, now: Date): Date | null {
  const limit = assessment.timeLimitMinutes ? new Date(now.getTime() + assessment.timeLimitMinutes * 60_000) : null;
  return effectiveDeadline(limit, assessment);
}

/** A score as the trainee may see it now: per the test's settings, and never for a survey. */
function visibleScore(assessment: Assessment, attempt: Attempt, now: Date) {
  const hidden = { score: null, maxScore: null, percent: null };
  if (assessment.kind === 'survey' || !attempt.submittedAt) return hidden;
  const shown =
    assessment.resultsVisibility === 'on_submit' ||
    (assessment.resultsVisibility === 'after_close' && assessmentState(assessment, now) === 'closed');
  return shown ? { score: attempt.score, maxScore: attempt.maxScore, percent: attempt.percent } : hidden;
}

/** Right answers show only for a finished attempt of a closed test whose settings show the review. */
function reviewAvailable(assessment: Assessment, attempt: Attempt, now: Date): boolean {
  return (
    assessment.kind !== 'survey' &&
    assessment.reviewVisibility === 'after_close' &&
    attempt.submittedAt !== null &&
    assessmentState(assessment, now) === 'closed'
  );
}

function isRightOption(key: ScoringKey, optionId: string): boolean {
  if (key.type === 'likert') return false;
  return earnedPercent(key, [optionId]) > 0 || key.correctOptionIds.includes(optionId);
}

/** Starting a new attempt needs the test open now. */
function requireOpen(assessment: Assessment, now: Date) {
  const state = assessmentState(assessment, now);
  if (state === 'open') return;
  const message =
    state === 'draft'
      ? 'แบบทดสอบยังไม่เปิด กรุณารอผู้จัดการอบรม'
      : state === 'scheduled'
        ? `แบบทดสอบจะเปิดให้ทำ ${formatThaiDateTime(assessment.opensAt as Date)}`
        : 'แบบทดสอบปิดแล้ว';
  throw conflict('ASSESSMENT_NOT_OPEN', message);
}

/** Saving an answer needs the test open; an attempt already started keeps going until its own deadline. */
function requireAnswerable(assessment: Assessment, now: Date) {
  if (assessment.status !== 'open') requireOpen(assessment, now);
}

function formatThaiDateTime(at: Date): string {
  return `${new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at)} น.`;
}

/** The same answers in any key or option order give the same hash. */
function hashAnswers(answers: Record<string, string[]>): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((questionId) => [questionId, [...new Set(answers[questionId])].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
