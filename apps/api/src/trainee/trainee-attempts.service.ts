import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_GRACE_SECONDS, type AttemptResult, type AttemptReview, type TraineeAttempt } from '@sujarit/contracts';
import { QuestionType, questionScore } from '@sujarit/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { effectiveDeadline, pastGrace } from '../assessments/assessment-state';
import { shuffle } from '../assessments/draw';
import { Attempt } from '../attempts/attempt.entity';
import { AttemptsService, scoringKey } from '../attempts/attempts.service';
import { sha256 } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Question } from '../questions/question.entity';
import { firstDeadline, isRightOption, requireAnswerable, requireOpen, reviewAvailable, visibleScore } from './attempt-rules';
import { TraineeAccess } from './trainee-access';

/** Questions whose options are kept in memory for saving answers (a few thousand banks' worth). */
const QUESTION_CACHE_SIZE = 5000;

/**
 * A trainee's attempts from their phone: start or resume, save each answer, hand in, review after close.
 * Nothing here returns an answer key, a correctness flag or an explanation before the review is open.
 */
@Injectable()
export class TraineeAttemptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly access: TraineeAccess,
    private readonly clock: Clock,
  ) {}

  private readonly questionOptions = new Map<string, { type: QuestionType; optionIds: Set<string> }>();

  /**
   * Starts attempt number N, or resumes it with its answers, its question order and its deadline.
   * A retry of the same request finds the same attempt, so a lost response never makes a second one.
   */
  startAttempt(
    code: string,
    assessmentId: string,
    attemptNumber: number,
    deviceToken: string | undefined,
    address: string,
  ): Promise<TraineeAttempt> {
    return this.access.answer(address, () => this.startOrResume(code, assessmentId, attemptNumber, deviceToken, address));
  }

  private async startOrResume(
    code: string,
    assessmentId: string,
    attemptNumber: number,
    deviceToken: string | undefined,
    address: string,
  ): Promise<TraineeAttempt> {
    const now = this.clock.now();
    const { session, enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
    const assessment = await this.db.manager.findOneBy(Assessment, { id: assessmentId, sessionId: session.id });
    if (!assessment) throw notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบนี้');
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { enrolmentId: enrolment.id }, now));
    const mine = { assessmentId: assessment.id, enrolmentId: enrolment.id };
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
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
          ...orderFor(assessment, questions),
        })
        .orIgnore()
        .execute();
      attempt = await this.db.manager.findOneByOrFail(Attempt, { ...mine, attemptNumber });
    }
    return {
      id: attempt.id,
      assessmentId: assessment.id,
      kind: assessment.kind,
      title: assessment.title,
      attemptNumber: attempt.attemptNumber,
      questions: inAttemptOrder(attempt, assessment, questions).map(({ question: q, options }) => ({
        id: q.id,
        type: q.type,
        stem: q.stem,
        options: options.map((o) => ({ id: o.id, text: o.text })),
      })),
      answers: attempt.answers,
      submitted: attempt.submittedAt !== null,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: effectiveDeadline(attempt.deadlineAt, assessment)?.toISOString() ?? null,
      serverNow: this.clock.now().toISOString(),
    };
  }

  /**
   * Saves one answer as it is given; saving the same answer twice changes nothing. After the deadline and its
   * grace the attempt is finished with what it saved, and the phone is told so.
   */
  async saveAnswer(
    code: string,
    attemptId: string,
    questionId: string,
    optionIds: string[],
    deviceToken: string | undefined,
    address: string,
  ) {
    const now = this.clock.now();
    if (deviceToken && (await this.saveInOneStatement(code, attemptId, questionId, optionIds, deviceToken, now))) return;
    // Anything else (not joined, submitted, past the deadline, closed, a wrong option) is sorted out here, with its reason.
    const overdue = await this.access.answer(address, () =>
      this.db.transaction(async (manager) => {
        const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken, address);
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
      }),
    );
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
    address: string,
  ): Promise<AttemptResult> {
    const requestHash = hashAnswers(answers);
    const now = this.clock.now();
    return this.access.answer(address, () =>
      this.db.transaction(async (manager) => {
        const { attempt, assessment } = await this.lockAttempt(manager, code, attemptId, deviceToken, address);
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
      }),
    );
  }

  /**
   * The right answers and explanations of a finished attempt: only once the test has closed, and only when its
   * settings show the review.
   */
  review(code: string, attemptId: string, deviceToken: string | undefined, address: string): Promise<AttemptReview> {
    return this.access.answer(address, () => this.reviewOf(code, attemptId, deviceToken, address));
  }

  private async reviewOf(code: string, attemptId: string, deviceToken: string | undefined, address: string): Promise<AttemptReview> {
    const now = this.clock.now();
    const { enrolment } = await this.access.require(this.db.manager, code, deviceToken, address);
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { enrolmentId: enrolment.id }, now));
    const attempt = await this.db.manager.findOneBy(Attempt, { id: attemptId, enrolmentId: enrolment.id });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const assessment = await this.db.manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    if (!reviewAvailable(assessment, attempt, now)) {
      throw conflict('REVIEW_NOT_AVAILABLE', 'ยังดูเฉลยไม่ได้ เฉลยจะแสดงหลังปิดแบบทดสอบ หากผู้จัดการอบรมเปิดให้ดู');
    }
    const questions = await this.db.manager.findBy(Question, { id: In(assessment.questionIds) });
    return {
      attemptId: attempt.id,
      title: assessment.title,
      ...visibleScore(assessment, attempt, now),
      questions: inAttemptOrder(attempt, assessment, questions).map(({ question: q, options }) => {
        const key = scoringKey(q);
        const chosen = attempt.answers[q.id] ?? [];
        return {
          id: q.id,
          type: q.type,
          stem: q.stem,
          options: options.map((o) => ({ id: o.id, text: o.text, correct: isRightOption(key, o.id) })),
          chosenOptionIds: chosen,
          points: q.type === 'likert' ? 0 : q.points,
          earned: questionScore(key, chosen),
          explanation: q.explanation,
        };
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

  private async lockAttempt(manager: EntityManager, code: string, attemptId: string, deviceToken: string | undefined, address: string) {
    const { enrolment } = await this.access.require(manager, code, deviceToken, address);
    const attempt = await manager.findOne(Attempt, {
      where: { id: attemptId, enrolmentId: enrolment.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const assessment = await manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    return { attempt, assessment };
  }
}

/** The same answers in any key or option order give the same hash. */
function hashAnswers(answers: Record<string, string[]>): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((questionId) => [questionId, [...new Set(answers[questionId])].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** This attempt's order of questions and of options, shuffled when the test says so. */
function orderFor(assessment: Assessment, questions: Question[]) {
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

/** The attempt's questions, each with its options, in the order this attempt shows them. */
function inAttemptOrder(attempt: Attempt, assessment: Assessment, questions: Question[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const order = attempt.questionOrder.length > 0 ? attempt.questionOrder : assessment.questionIds;
  return order.flatMap((id) => {
    const question = byId.get(id);
    if (!question) return [];
    const optionIds = attempt.optionOrder[question.id] ?? question.options.map((o) => o.id);
    const options = optionIds.flatMap((oid) => question.options.filter((o) => o.id === oid));
    return [{ question, options }];
  });
}
