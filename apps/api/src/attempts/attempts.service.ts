import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PASS_MARK_PERCENT, type AssessmentKind, type AttemptResult, type AttemptReview, type FinishReason, type TraineeAssessmentState, type TraineeAttempt } from '@sujarit/contracts';
import {
  attemptEnd,
  attemptOrder,
  countingAttempts,
  countingScores,
  countingSurveyAttempt,
  earnedPercent,
  effectiveDeadline,
  firstDeadline,
  inAttemptOrder,
  isPastGrace,
  isRightOption,
  questionScore,
  reviewAvailable,
  scoreAttempt,
  scoreMeaning,
  testState,
  topicPercentsOf,
  visibleScore,
  type AnswerSheet,
  type AttemptEnd,
  type AttemptScoreFields,
  type CountingScores,
  type QuestionType,
  type ScoringKey,
  type TopicScoringKey,
} from '@sujarit/domain';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { shuffle } from '../common/draw';
import { AssessmentQuestion } from '../database/entities/assessment-question.entity';
import { Assessment } from '../database/entities/assessment.entity';
import { Attempt } from '../database/entities/attempt.entity';
import { Question } from '../database/entities/question.entity';
import { inOrganization } from '../database/tenancy';
import { attemptSql } from './attempt-sql';
import { requireAnswerable, requireOpen } from './attempt-refusals';

/** Questions whose options are kept in memory for saving answers (a few thousand banks' worth). */
const QUESTION_CACHE_SIZE = 5000;

/**
 * The one-statement save (see `saveAnswerFromPhone`). "Still open" is written as a coalesce, not `IS NULL`: a plain
 * `submitted_at IS NULL` lets the planner walk the partial index of open attempts (the sweeper's) instead of reading
 * this attempt by its key, which on a fresh table it prefers, and which grows with every phone in the hall.
 * Exported for the benchmark's raw ceiling (e2e/bench/ceiling.bench.ts), which runs this very statement through `pg`.
 */
export const SAVE_ANSWER_SQL = `WITH target AS (
    SELECT t.organization_id, t.id
      FROM attempts t
      JOIN assessments a ON a.id = t.assessment_id
      JOIN assessment_questions q
        ON q.organization_id = t.organization_id AND q.assessment_id = t.assessment_id AND q.question_id = $4::uuid
      JOIN enrolments e ON e.id = t.enrolment_id
      JOIN training_sessions s ON s.id = e.session_id
     WHERE t.id = $1 AND s.join_code = $2 AND e.device_token_hash = $3
       AND coalesce(t.submitted_at, 'infinity') = 'infinity' AND a.status = 'open'
       AND NOT ${attemptSql.pastGrace('t', 'a', '$6')}
       FOR KEY SHARE OF t),
  saved AS (
    INSERT INTO attempt_answers (organization_id, attempt_id, question_id, option_ids, answered_at)
    SELECT organization_id, id, $4::uuid, $5::text[], $6 FROM target
    ON CONFLICT (organization_id, attempt_id, question_id)
      DO UPDATE SET option_ids = EXCLUDED.option_ids, answered_at = EXCLUDED.answered_at)
  SELECT count(*)::int AS saved FROM target`;

/** The enrolment taking an attempt, as the phone's controller found it from its join code and device cookie. */
export interface Taker {
  id: string;
  organizationId: string;
  sessionId: string;
}

/** How a phone names whose attempt it saves to, inside the one-statement save: its session's join code and its device token's hash. */
export interface PhoneKey {
  joinCode: string;
  deviceTokenHash: string;
}

/** What the phone's session page shows of one test for its enrolment, beside the test's own settings. */
export type PhoneAttempts = Pick<TraineeAssessmentState, 'passMarkPercent' | 'attemptsUsed' | 'myAttempt' | 'canRetake' | 'reviewAvailable'>;

/** An attempt and its test as they stand at a moment: how it ended (if it has) and its score. */
interface Standing {
  attempt: Attempt;
  test: Assessment;
  end: AttemptEnd | null;
  score: AttemptScoreFields;
}

/** A program year's pass mark as PostgreSQL gives it (numeric as text), or the default when the year sets none. */
export function passMarkOrDefault(mark: string | null | undefined): number {
  return mark === null || mark === undefined ? DEFAULT_PASS_MARK_PERCENT : Number(mark);
}

/** The answer key of a question as the scorer reads it: option weights when the question has them. */
export function scoringKey(q: Question): ScoringKey {
  const weighted = q.options.some((o) => o.weight !== undefined);
  return {
    questionId: q.id,
    type: q.type,
    correctOptionIds: q.correctOptionIds,
    ...(weighted ? { optionWeights: Object.fromEntries(q.options.map((o) => [o.id, o.weight ?? 0])) } : {}),
    points: q.points,
  };
}

/**
 * An attempt from start to result: starting or resuming it, saving each answer as it is given, handing it in
 * (idempotently), finishing it by its deadline or the test's close, scoring it, and what of its result and review
 * the trainee may see. Scores are computed here, on the server, and nowhere else. Reads never write: an attempt past
 * its deadline and grace counts as finished at its deadline with the answers it saved (the domain's `attemptEnd`)
 * until the sweeper writes that down. Nothing returned to a phone holds a key, a correctness flag or an explanation
 * before the review is open.
 */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Options of questions a save has applied to (used, so never edited in place): see `rememberOptions`. */
  private readonly questionOptions = new Map<string, { type: QuestionType; optionIds: Set<string> }>();
  /** Reads of a question's options under way, shared by the phones asking at once: see `optionsOf`. */
  private readonly readingOptions = new Map<string, Promise<{ type: QuestionType; optionIds: Set<string> } | null>>();

  /**
   * Starts attempt number N, or resumes it with its answers, its question order and its deadline.
   * A retry of the same request finds the same attempt, so a lost response never makes a second one.
   */
  async start(taker: Taker, assessmentId: string, attemptNumber: number): Promise<TraineeAttempt> {
    const now = this.clock.now();
    const manager = this.db.manager;
    const test = await manager.findOneBy(Assessment, { id: assessmentId, sessionId: taker.sessionId });
    if (!test) throw notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบนี้');
    const mine = { organizationId: taker.organizationId, assessmentId: test.id, enrolmentId: taker.id };
    const questions = await this.questionsOf(manager, test.id);
    const questionIds = questions.map((q) => q.id);
    let attempt = await manager.findOneBy(Attempt, { ...mine, attemptNumber });
    // A new attempt has no answers yet; one resumed (or started by a retry a moment before) may.
    let answers: Record<string, string[]> | null = null;
    if (!attempt) {
      requireOpen(test, now);
      if (attemptNumber > test.attemptsAllowed) {
        throw conflict('NO_ATTEMPTS_LEFT', `แบบทดสอบนี้ทำได้ ${test.attemptsAllowed} ครั้ง และท่านทำครบแล้ว`, {
          attemptsAllowed: test.attemptsAllowed,
        });
      }
      if (attemptNumber > 1) {
        const previous = await manager.findOneBy(Attempt, { ...mine, attemptNumber: attemptNumber - 1 });
        if (!previous || !attemptEnd(previous, test, now)) {
          throw conflict('INVALID_STATE', 'ส่งคำตอบครั้งก่อนให้เรียบร้อยก่อนเริ่มทำครั้งใหม่');
        }
      }
      const values = {
        ...mine,
        attemptNumber,
        startedAt: now,
        deadlineAt: firstDeadline(test, now),
        ...attemptOrder({ ...test, questionIds }, questions, shuffle),
      };
      const inserted = await manager.createQueryBuilder().insert().into(Attempt).values(values).orIgnore().returning(['id']).execute();
      const made = Array.isArray(inserted.raw) ? (inserted.raw[0] as { id: string } | undefined) : undefined;
      if (made) {
        // Just made: it is what was inserted, with nothing handed in or scored yet, so it is not read back.
        answers = {};
        attempt = manager.create(Attempt, {
          ...values,
          id: made.id,
          finishReason: null,
          submitIdempotencyKey: null,
          submitRequestHash: null,
          submittedAt: null,
          score: null,
          maxScore: null,
          percent: null,
        });
      } else {
        // Started by a retry a moment before: that one stands.
        attempt = await manager.findOneByOrFail(Attempt, { ...mine, attemptNumber });
      }
    }
    answers ??= (await this.answersOf(manager, [attempt])).get(attempt.id) ?? {};
    return {
      id: attempt.id,
      assessmentId: test.id,
      kind: test.kind,
      title: test.title,
      attemptNumber: attempt.attemptNumber,
      questions: inAttemptOrder(attempt, questionIds, questions).map(({ question: q, options }) => ({
        id: q.id,
        type: q.type,
        stem: q.stem,
        options: options.map((o) => ({ id: o.id, text: o.text })),
      })),
      answers,
      submitted: attemptEnd(attempt, test, now) !== null,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: effectiveDeadline(attempt.deadlineAt, test.closesAt)?.toISOString() ?? null,
      serverNow: this.clock.now().toISOString(),
    };
  }

  /**
   * The usual save, when everything is in order, as one atomic statement: a whole room answering at once must not
   * queue behind row locks and round trips. It checks the phone, that the attempt is open and in time (the
   * domain's deadline and grace, as SQL), that the test is open and holds the question, and upserts the answer's
   * row. The attempt's row is share-locked (FOR KEY SHARE), so a hand-in or a finish holding it makes this wait and
   * then see the attempt ended. It runs as a named prepared statement on the pool under TypeORM, so each connection
   * plans it once instead of at every tap (planning cost more than running it). Returns false when it did not
   * apply; `saveAnswer` then gives the reason.
   */
  async saveAnswerFromPhone(phone: PhoneKey, attemptId: string, questionId: string, optionIds: string[]): Promise<boolean> {
    const question = this.questionOptions.get(questionId) ?? (await this.optionsOf(questionId));
    const chosen = [...new Set(optionIds)];
    if (!question || chosen.some((id) => !question.optionIds.has(id)) || (question.type !== 'multiple_choice' && chosen.length > 1)) {
      return false;
    }
    // Through the driver, not the pool itself: the connection it hands out works as the app, for this organization.
    const [client, release] = (await (this.db.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (error?: unknown) => void];
    try {
      const { rows } = await client.query<{ saved: number }>({
        name: 'attempts.save-answer',
        text: SAVE_ANSWER_SQL,
        values: [attemptId, phone.joinCode, phone.deviceTokenHash, questionId, chosen, this.clock.now()],
      });
      release();
      if (rows[0].saved !== 1) return false;
      this.rememberOptions(questionId, question);
      return true;
    } catch (error) {
      release(error);
      throw error;
    }
  }

  /**
   * Saves one answer, or says why not: submitted already, a question or option not in the test, the test not open.
   * Past the deadline and its grace the attempt is finished with what it saved, and the phone is told so.
   */
  async saveAnswer(taker: Taker, attemptId: string, questionId: string, optionIds: string[]): Promise<void> {
    const now = this.clock.now();
    const overdue = await this.db.transaction(async (manager) => {
      const { attempt, test } = await this.lock(manager, taker, attemptId);
      if (attempt.submittedAt) {
        if (attempt.finishReason === 'deadline') return true;
        throw conflict('ATTEMPT_ALREADY_SUBMITTED', 'ส่งคำตอบชุดนี้ไปแล้ว แก้ไขไม่ได้');
      }
      const deadline = effectiveDeadline(attempt.deadlineAt, test.closesAt);
      if (deadline && isPastGrace(deadline, now)) {
        await this.finish(manager, attempt, test, deadline, 'deadline');
        return true;
      }
      requireAnswerable(test, now);
      await this.validateAnswer(manager, test, questionId, optionIds);
      await this.putAnswers(manager, attempt, { [questionId]: optionIds }, now);
      return false;
    });
    if (overdue) {
      throw conflict('ATTEMPT_DEADLINE_PASSED', 'หมดเวลาทำแบบทดสอบแล้ว ระบบส่งคำตอบที่บันทึกไว้ให้แล้ว');
    }
  }

  /**
   * Scores on the server. A retry returns the first result, so a lost response on a weak line is safe; the same
   * Idempotency-Key with different answers is refused. A hand-in under another key with other answers is another
   * phone's (a copied device cookie): it is told its answers were not the ones handed in, not given the winner's
   * result as if it were its own. Past the deadline and its grace only the answers saved in time count.
   */
  async submit(taker: Taker, attemptId: string, answers: Record<string, string[]>, idempotencyKey: string): Promise<AttemptResult> {
    const requestHash = hashAnswers(answers);
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      const { attempt, test } = await this.lock(manager, taker, attemptId);
      if (attempt.submittedAt) {
        if (attempt.submitIdempotencyKey === idempotencyKey && attempt.submitRequestHash !== requestHash) {
          throw conflict('IDEMPOTENCY_KEY_REUSED', 'คำตอบชุดนี้ถูกส่งไปแล้วด้วยคำตอบที่ต่างออกไป ผลที่บันทึกไว้คือผลของการส่งครั้งแรก');
        }
        if (handedInElsewhere(attempt, idempotencyKey, requestHash)) throw submittedElsewhere();
      } else {
        const deadline = effectiveDeadline(attempt.deadlineAt, test.closesAt);
        if (deadline && isPastGrace(deadline, now)) {
          // Too late for any phone's answers to count: finished as the sweeper would, under no hand-in's key.
          await this.finish(manager, attempt, test, deadline, 'deadline');
        } else {
          attempt.submitIdempotencyKey = idempotencyKey;
          attempt.submitRequestHash = requestHash;
          // Until the deadline's grace ends the phone's answers count; once the organizer has closed the test, the
          // saved answers are scored as they stand and late changes are not taken.
          if (test.status === 'open') {
            for (const [questionId, optionIds] of Object.entries(answers)) await this.validateAnswer(manager, test, questionId, optionIds);
            await this.putAnswers(manager, attempt, answers, now);
          }
          // A phone handing in as its time runs out (within the grace) finished by the deadline, not by choice.
          await this.finish(manager, attempt, test, now, deadline && now > deadline ? 'deadline' : 'submitted');
        }
      }
      const shown = visibleScore(test, { ...attempt, ended: true }, now);
      const passMarkPercent = test.kind === 'survey' ? null : await this.passMarkOf(manager, taker.sessionId);
      const prePercent = test.kind === 'post_test' && shown.percent !== null ? await this.shownPrePercent(manager, taker, now) : null;
      return {
        attemptId: attempt.id,
        kind: test.kind,
        ...shown,
        passMarkPercent,
        ...scoreMeaning(test.kind, shown.percent, passMarkPercent ?? DEFAULT_PASS_MARK_PERCENT, prePercent),
        resultsVisibility: test.resultsVisibility,
        finishReason: attempt.finishReason ?? 'submitted',
        submittedAt: (attempt.submittedAt as Date).toISOString(),
      };
    });
  }

  /** The right answers and explanations of a finished attempt: only once the test has closed, and only when its settings show the review. */
  async review(taker: Taker, attemptId: string): Promise<AttemptReview> {
    const now = this.clock.now();
    const manager = this.db.manager;
    const attempt = await manager.findOneBy(Attempt, { id: attemptId, enrolmentId: taker.id });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const test = await manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    const [standing] = await this.standings(manager, [attempt], [test], now);
    if (!reviewAvailable(test, { ended: standing.end !== null }, now)) {
      throw conflict('REVIEW_NOT_AVAILABLE', 'ยังดูเฉลยไม่ได้ เฉลยจะแสดงหลังปิดแบบทดสอบ หากผู้จัดการอบรมเปิดให้ดู');
    }
    const questions = await this.questionsOf(manager, test.id);
    const questionIds = questions.map((q) => q.id);
    const answers = (await this.answersOf(manager, [attempt])).get(attempt.id) ?? {};
    return {
      attemptId: attempt.id,
      title: test.title,
      ...visibleScore(test, { ...standing.score, ended: true }, now),
      questions: inAttemptOrder(attempt, questionIds, questions).map(({ question: q, options }) => {
        const key = scoringKey(q);
        const chosen = answers[q.id] ?? [];
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

  /**
   * What the phone's session page shows of each test for this enrolment (none when the phone has not joined).
   * `noAttempts`: the enrolment is new, so nothing is looked up; `passMarkPercent`: the session's pass mark, when the
   * caller read it already.
   */
  async onPhone(
    manager: EntityManager,
    taker: Taker | null,
    tests: Assessment[],
    known: { noAttempts?: boolean; passMarkPercent?: number } = {},
  ): Promise<Map<string, PhoneAttempts>> {
    const now = this.clock.now();
    const attempts = taker && !known.noAttempts
      ? await manager.find(Attempt, {
          where: { organizationId: taker.organizationId, enrolmentId: taker.id, assessmentId: In(tests.map((t) => t.id)) },
          order: { attemptNumber: 'ASC' },
        })
      : [];
    const latest = new Map<string, Attempt>();
    for (const attempt of attempts) latest.set(attempt.assessmentId, attempt);
    const standings = new Map((await this.standings(manager, [...latest.values()], tests, now)).map((s) => [s.attempt.assessmentId, s]));
    const sessionId = taker?.sessionId ?? tests[0]?.sessionId;
    const passMarkPercent =
      known.passMarkPercent ?? (sessionId && tests.some((t) => t.kind !== 'survey') ? await this.passMarkOf(manager, sessionId) : DEFAULT_PASS_MARK_PERCENT);
    const postShown = [...standings.values()].some((s) => s.test.kind === 'post_test' && s.end && visibleScore(s.test, { ...s.score, ended: true }, now).percent !== null);
    const prePercent = taker && postShown ? await this.shownPrePercent(manager, taker, now) : null;
    return new Map(
      tests.map((test) => {
        const standing = standings.get(test.id);
        const ended = standing?.end != null;
        // Earlier attempts have all ended (a new one starts only then); the latest counts once it has too.
        const used = attempts.filter((t) => t.assessmentId === test.id).length - (standing && !ended ? 1 : 0);
        const shown = visibleScore(test, { ...(standing?.score ?? { score: null, maxScore: null, percent: null }), ended }, now);
        return [
          test.id,
          {
            passMarkPercent: test.kind === 'survey' ? null : passMarkPercent,
            attemptsUsed: used,
            myAttempt: standing
              ? {
                  id: standing.attempt.id,
                  attemptNumber: standing.attempt.attemptNumber,
                  submitted: ended,
                  finishReason: standing.end?.reason ?? null,
                  deadlineAt: effectiveDeadline(standing.attempt.deadlineAt, test.closesAt)?.toISOString() ?? null,
                  ...shown,
                  ...scoreMeaning(test.kind, shown.percent, passMarkPercent, prePercent),
                }
              : null,
            canRetake: testState(test, now) === 'open' && ended && used < test.attemptsAllowed,
            reviewAvailable: standing !== undefined && reviewAvailable(test, { ended }, now),
          },
        ];
      }),
    );
  }

  /** The pass mark of the session's program-year, percent of the full score (the default when the year sets none). */
  private async passMarkOf(manager: EntityManager, sessionId: string): Promise<number> {
    const rows: { pass_mark_percent: string | null }[] = await manager.query(
      `SELECT py.pass_mark_percent FROM training_sessions s
         LEFT JOIN program_years py
           ON py.organization_id = s.organization_id AND py.program_id = s.program_id AND py.fiscal_year = s.fiscal_year
        WHERE s.id = $1`,
      [sessionId],
    );
    return passMarkOrDefault(rows[0]?.pass_mark_percent);
  }

  /**
   * The taker's counting pre-test percent in their session (the first ended attempt, as the indicator counts it),
   * only when that pre-test's settings show its score now: the post-test never reveals a score the pre-test hides.
   */
  private async shownPrePercent(manager: EntityManager, taker: Taker, now: Date): Promise<number | null> {
    const preTests = await manager.findBy(Assessment, { organizationId: taker.organizationId, sessionId: taker.sessionId, kind: 'pre_test' });
    if (preTests.length === 0) return null;
    const attempts = await manager.findBy(Attempt, {
      organizationId: taker.organizationId,
      enrolmentId: taker.id,
      assessmentId: In(preTests.map((t) => t.id)),
    });
    const standings = await this.standings(manager, attempts, preTests, now);
    const { pre } = countingAttempts(
      standings.flatMap((s) => (s.end ? [{ kind: s.test.kind, endedAt: s.end.at, percent: s.score.percent, standing: s }] : [])),
    );
    if (!pre) return null;
    return visibleScore(pre.standing.test, { ...pre.standing.score, ended: true }, now).percent;
  }

  /** How many people started each test and how many ended it (attempts past their deadline included), as they stand now. */
  async counts(manager: EntityManager, assessmentIds: string[]): Promise<Map<string, { started: number; submitted: number }>> {
    if (assessmentIds.length === 0) return new Map();
    const rows: { assessment_id: string; started: number; submitted: number }[] = await manager.query(
      `SELECT t.assessment_id, count(DISTINCT t.enrolment_id)::int AS started,
              count(DISTINCT t.enrolment_id) FILTER (WHERE ${attemptSql.ended('t', 'a', '$2')})::int AS submitted
         FROM attempts t JOIN assessments a ON a.id = t.assessment_id
        WHERE t.assessment_id = ANY($1)
        GROUP BY t.assessment_id`,
      [assessmentIds, this.clock.now()],
    );
    return new Map(rows.map((r) => [r.assessment_id, { started: r.started, submitted: r.submitted }]));
  }

  /** Whether anyone has started the test: from then on its questions are fixed. */
  hasAttempts(manager: EntityManager, assessmentId: string): Promise<boolean> {
    return manager.exists(Attempt, { where: { assessmentId } });
  }

  /** Of these tests, the ones someone has started. */
  async startedAmong(manager: EntityManager, assessmentIds: string[]): Promise<Set<string>> {
    if (assessmentIds.length === 0) return new Set();
    const rows: { assessment_id: string }[] = await manager.query(
      `SELECT DISTINCT assessment_id FROM attempts WHERE assessment_id = ANY($1)`,
      [assessmentIds],
    );
    return new Set(rows.map((r) => r.assessment_id));
  }

  /** Whether any attempt of the test has ended (past its deadline included): its people may have seen their results. */
  async hasEndedAttempts(manager: EntityManager, assessmentId: string): Promise<boolean> {
    const [{ ended }]: { ended: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM attempts t JOIN assessments a ON a.id = t.assessment_id
                       WHERE t.assessment_id = $1 AND ${attemptSql.ended('t', 'a', '$2')}) AS ended`,
      [assessmentId, this.clock.now()],
    );
    return ended;
  }

  /**
   * Of these questions of the organization, the ones an attempt has met (a test holding them was started): those are
   * never changed in place. One organization's rows only, by the index on (organization, question).
   */
  async usedQuestionIds(manager: EntityManager, organizationId: string, questionIds: string[]): Promise<Set<string>> {
    if (questionIds.length === 0) return new Set();
    const rows: { question_id: string }[] = await manager.query(
      `SELECT DISTINCT q.question_id FROM assessment_questions q
        WHERE q.organization_id = $1 AND q.question_id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM attempts t WHERE t.assessment_id = q.assessment_id)`,
      [organizationId, questionIds],
    );
    return new Set(rows.map((r) => r.question_id));
  }

  /**
   * When the organizer closes a test, attempts still open end with the answers they saved: one already past its
   * deadline and grace at its deadline, the others now. None is thrown away. The caller holds the test's row lock.
   */
  async finishOpen(manager: EntityManager, test: Assessment, now: Date): Promise<number> {
    const open = await manager.find(Attempt, { where: { assessmentId: test.id, submittedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    for (const attempt of open) {
      const deadline = effectiveDeadline(attempt.deadlineAt, test.closesAt);
      if (deadline && isPastGrace(deadline, now)) await this.finish(manager, attempt, test, deadline, 'deadline');
      else await this.finish(manager, attempt, test, now, 'closed');
    }
    return open.length;
  }

  /**
   * The sweeper's work: writes down, with their saved answers and scores, the attempts past their deadline and grace,
   * at most `limit` at a time, of every organization or of one. One process sweeps at a time (an advisory lock held
   * for the transaction); rows a phone or a close holds are skipped and left to them. Returns how many it finished.
   */
  async finishOverdue(now: Date, scope: { organizationId?: string; limit?: number } = {}): Promise<number> {
    // The database shows the app one organization at a time: those with attempts still open, each in its own scope.
    const organizationIds = scope.organizationId
      ? [scope.organizationId]
      : ((await this.db.query(`SELECT sujarit_organizations_with_open_attempts() AS id`)) as { id: string }[]).map((row) => row.id);
    let finished = 0;
    for (const organizationId of organizationIds) {
      finished += await inOrganization(organizationId, () => this.finishOverdueOf(organizationId, now, scope.limit));
    }
    return finished;
  }

  private finishOverdueOf(organizationId: string, now: Date, limit: number | undefined): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        'sujarit:finish-overdue-attempts',
      ]);
      if (!locked) return 0;
      const rows: { id: string }[] = await manager.query(
        `SELECT t.id FROM attempts t JOIN assessments a ON a.id = t.assessment_id
          WHERE t.submitted_at IS NULL AND ${attemptSql.pastGrace('t', 'a', '$1')}
            AND t.organization_id = $3
          LIMIT $2
          FOR UPDATE OF t SKIP LOCKED`,
        [now, limit ?? 500, organizationId],
      );
      if (rows.length === 0) return 0;
      const attempts = await manager.findBy(Attempt, { id: In(rows.map((r) => r.id)) });
      const tests = new Map((await manager.findBy(Assessment, { id: In([...new Set(attempts.map((t) => t.assessmentId))]) })).map((a) => [a.id, a]));
      const keys = await this.keysOf(manager, [...tests.keys()]);
      const answers = await this.answersOf(manager, attempts);
      for (const attempt of attempts) {
        const test = tests.get(attempt.assessmentId) as Assessment;
        const deadline = effectiveDeadline(attempt.deadlineAt, test.closesAt) as Date;
        this.end(attempt, test, deadline, 'deadline', keys.get(test.id) ?? [], answers.get(attempt.id) ?? {});
        await manager.save(attempt);
      }
      return attempts.length;
    });
  }

  /**
   * The scores that count for each enrolment of a session (its attendees' list, its enrolments): the first pre-test and
   * the best post-test among the attempts ended by now.
   */
  async countingScoresOfSession(organizationId: string, sessionId: string): Promise<Map<string, CountingScores>> {
    const ended = await this.endedScores(
      `a.session_id = $2`,
      [organizationId, sessionId],
      (row) => row.enrolmentId,
    );
    return new Map([...ended].map(([enrolmentId, scores]) => [enrolmentId, countingScores(scores)]));
  }

  /**
   * The scores that count for each person in the given programs of a fiscal year, keyed `programId:personId`: their first
   * pre-test and best post-test over the year's sessions that were not cancelled, among the attempts ended by now
   * (one whose time ran out counts with the answers it saved).
   */
  async countingScoresOfYear(organizationId: string, fiscalYear: number, programIds: readonly string[]): Promise<Map<string, CountingScores>> {
    const ended = await this.endedScores(
      `s.fiscal_year = $2 AND s.status <> 'cancelled' AND s.program_id = ANY($3::uuid[])`,
      [organizationId, fiscalYear, programIds],
      (row) => `${row.programId}:${row.personId}`,
    );
    return new Map([...ended].map(([key, scores]) => [key, countingScores(scores)]));
  }

  /**
   * The ended pre- and post-test attempts of one program's sessions of a fiscal year (not cancelled), each with the
   * person, session and score; countingAttempts picks from them the ones the indicator counts.
   */
  endedAttemptsOfProgramYear(organizationId: string, programId: string, fiscalYear: number): Promise<EndedAttempt[]> {
    return this.endedAttempts(`s.program_id = $2 AND s.fiscal_year = $3 AND s.status <> 'cancelled'`, [organizationId, programId, fiscalYear]);
  }

  /** Each given attempt's percent per question topic (topicPercentsOf), scored from the answers it saved. */
  async topicPercentsOfAttempts(
    organizationId: string,
    attempts: { attemptId: string; assessmentId: string }[],
  ): Promise<Map<string, Record<string, number>>> {
    const manager = this.db.manager;
    const keys = await this.keysOf(manager, [...new Set(attempts.map((a) => a.assessmentId))]);
    const answers = await this.answersOf(manager, attempts.map((a) => ({ organizationId, id: a.attemptId })));
    return new Map(attempts.map((a) => [a.attemptId, topicPercentsOf(keys.get(a.assessmentId) ?? [], answers.get(a.attemptId) ?? {})]));
  }

  /**
   * A person's attempts at the pre- and post-tests of one program's sessions of a fiscal year (not cancelled), read
   * only: each with its state as it stands now (one past its deadline and grace is ended there, with the answers it
   * saved), its score, and every question of the test in the test's order with the options, what was chosen and the
   * points. Ordered by session start, pre-test before post-test, then attempt number.
   */
  async attemptsOfPersonInProgramYear(
    organizationId: string,
    personId: string,
    programId: string,
    fiscalYear: number,
  ): Promise<PersonAttemptRecord[]> {
    const manager = this.db.manager;
    const now = this.clock.now();
    const rows: { id: string }[] = await manager.query(
      `SELECT t.id FROM attempts t
         JOIN assessments a ON a.id = t.assessment_id
         JOIN enrolments e ON e.id = t.enrolment_id
         JOIN training_sessions s ON s.id = e.session_id
        WHERE t.organization_id = $1 AND a.organization_id = $1 AND e.organization_id = $1 AND s.organization_id = $1
          AND e.person_id = $2 AND s.program_id = $3 AND s.fiscal_year = $4 AND s.status <> 'cancelled' AND a.kind <> 'survey'
        ORDER BY s.starts_at, s.id, a.kind = 'post_test', t.attempt_number, t.id`,
      [organizationId, personId, programId, fiscalYear],
    );
    if (rows.length === 0) return [];
    const attempts = await manager.find(Attempt, { where: { organizationId, id: In(rows.map((r) => r.id)) } });
    const byId = new Map(attempts.map((a) => [a.id, a]));
    const ordered = rows.flatMap((r) => byId.get(r.id) ?? []);
    const tests = await manager.find(Assessment, { where: { organizationId, id: In([...new Set(ordered.map((a) => a.assessmentId))]) } });
    const testOf = new Map(tests.map((t) => [t.id, t]));
    const standings = await this.standings(manager, ordered, tests, now);
    const questionsByTest = new Map<string, Question[]>();
    for (const test of tests) questionsByTest.set(test.id, await this.questionsOf(manager, test.id));
    const answers = await this.answersOf(manager, ordered);
    return standings.map(({ attempt, end, score }) => {
      const test = testOf.get(attempt.assessmentId) as Assessment;
      const sheet = answers.get(attempt.id) ?? {};
      return {
        attemptId: attempt.id,
        assessmentId: test.id,
        assessmentTitle: test.title,
        sessionId: test.sessionId,
        kind: test.kind,
        attemptNumber: attempt.attemptNumber,
        state: end ? 'ended' : 'in_progress',
        finishReason: end?.reason ?? null,
        score: end ? score.score : null,
        maxScore: end ? score.maxScore : null,
        percent: end ? score.percent : null,
        startedAt: attempt.startedAt,
        endedAt: end?.at ?? null,
        answers: (questionsByTest.get(test.id) ?? []).map((q, index) => {
          const key = scoringKey(q);
          const chosen = sheet[q.id] ?? [];
          const points = q.type === 'likert' ? 0 : q.points;
          const earnedPoints = questionScore(key, chosen);
          return {
            questionId: q.id,
            position: index + 1,
            topic: q.topic,
            type: q.type,
            stem: q.stem,
            options: q.options.map((o) => ({ id: o.id, text: o.text, chosen: chosen.includes(o.id), right: isRightOption(key, o.id) })),
            answered: chosen.length > 0,
            correct: q.type !== 'likert' && earnedPercent(key, chosen) === 100,
            earnedPoints,
            points,
          };
        }),
      };
    });
  }

  /**
   * A survey's answers as they count: each person's latest ended attempt (past its deadline included), its answers by
   * question. One entry per respondent.
   */
  async surveyResponses(manager: EntityManager, survey: Assessment): Promise<Record<string, string[]>[]> {
    const rows: { id: string; enrolment_id: string; attempt_number: number }[] = await manager.query(
      `SELECT t.id, t.enrolment_id, t.attempt_number FROM attempts t JOIN assessments a ON a.id = t.assessment_id
        WHERE t.assessment_id = $1 AND ${attemptSql.ended('t', 'a', '$2')}`,
      [survey.id, this.clock.now()],
    );
    const byPerson = new Map<string, { id: string; attemptNumber: number }[]>();
    for (const row of rows) byPerson.set(row.enrolment_id, [...(byPerson.get(row.enrolment_id) ?? []), { id: row.id, attemptNumber: row.attempt_number }]);
    const counting = [...byPerson.values()].map((attempts) => countingSurveyAttempt(attempts) as { id: string });
    const answers = await this.answersOf(manager, counting.map((t) => ({ organizationId: survey.organizationId, id: t.id })));
    return counting.map((t) => answers.get(t.id) ?? {});
  }

  /**
   * The answer sheets that count on a pre- or post-test, one per person (enrolment), chosen as the indicator chooses
   * (countingScores): the first ended pre-test attempt, the best-scoring ended post-test attempt (the earlier on a tie).
   * An attempt past its deadline and grace counts with the answers it saved. Ordered by when the counting attempt
   * ended, then its number and id, so the item analysis's tie rule at the 27 % cut gives the same groups every time.
   */
  async countingAnswerSheets(manager: EntityManager, test: Assessment): Promise<AnswerSheet[]> {
    const rows: { id: string; enrolment_id: string }[] = await manager.query(
      `SELECT t.id, t.enrolment_id FROM attempts t JOIN assessments a ON a.id = t.assessment_id
        WHERE t.organization_id = $1 AND a.organization_id = $1 AND t.assessment_id = $2 AND a.kind <> 'survey'
          AND ${attemptSql.ended('t', 'a', '$3')}
        ORDER BY coalesce(t.submitted_at, ${attemptSql.effectiveDeadline('t', 'a')}), t.attempt_number, t.id`,
      [test.organizationId, test.id, this.clock.now()],
    );
    const keys = (await this.keysOf(manager, [test.id])).get(test.id) ?? [];
    const answers = await this.answersOf(manager, rows.map((r) => ({ organizationId: test.organizationId, id: r.id })));
    const counting = new Map<string, { sheet: AnswerSheet; percent: number; order: number }>();
    for (const [order, row] of rows.entries()) {
      const sheet = answers.get(row.id) ?? {};
      const percent = scoreAttempt(keys, sheet).percent;
      const held = counting.get(row.enrolment_id);
      // Rows come earliest first: a pre-test keeps the first; a post-test takes a later one only if strictly better.
      if (!held || (test.kind === 'post_test' && percent > held.percent)) counting.set(row.enrolment_id, { sheet, percent, order });
    }
    return [...counting.values()].sort((x, y) => x.order - y.order).map((c) => c.sheet);
  }

  /** The test's questions in its order, in one query. */
  private questionsOf(manager: EntityManager, assessmentId: string): Promise<Question[]> {
    return manager
      .getRepository(Question)
      .createQueryBuilder('q')
      .innerJoin(AssessmentQuestion, 'aq', 'aq.question_id = q.id')
      .where('aq.assessment_id = :assessmentId', { assessmentId })
      .orderBy('aq.position', 'ASC')
      .getMany();
  }

  /** The scoring keys of each test's questions, in one query. */
  private async keysOf(manager: EntityManager, assessmentIds: string[]): Promise<Map<string, TopicScoringKey[]>> {
    if (assessmentIds.length === 0) return new Map();
    const { entities, raw } = await manager
      .getRepository(Question)
      .createQueryBuilder('q')
      .innerJoin(AssessmentQuestion, 'aq', 'aq.question_id = q.id')
      .addSelect('aq.assessment_id', 'assessment_id')
      .where('aq.assessment_id IN (:...assessmentIds)', { assessmentIds })
      .getRawAndEntities<{ q_id: string; assessment_id: string }>();
    const questions = new Map(entities.map((q) => [q.id, q]));
    const keys = new Map<string, TopicScoringKey[]>();
    for (const { q_id: questionId, assessment_id: assessmentId } of raw) {
      const question = questions.get(questionId);
      if (!question) continue;
      // Appended in place: copying the list at each question made a test's key cost its length squared.
      const key = keys.get(assessmentId) ?? [];
      key.push({ ...scoringKey(question), topic: question.topic });
      keys.set(assessmentId, key);
    }
    return keys;
  }

  /** Each attempt's saved answers, by question; read by the answers' key, which leads with the organization. */
  private async answersOf(
    manager: EntityManager,
    attempts: { organizationId: string; id: string }[],
  ): Promise<Map<string, Record<string, string[]>>> {
    if (attempts.length === 0) return new Map();
    const rows: { attempt_id: string; question_id: string; option_ids: string[] }[] = await manager.query(
      `SELECT a.attempt_id, a.question_id, a.option_ids
         FROM unnest($1::uuid[], $2::uuid[]) AS k(organization_id, attempt_id)
         JOIN attempt_answers a ON a.organization_id = k.organization_id AND a.attempt_id = k.attempt_id`,
      [attempts.map((t) => t.organizationId), attempts.map((t) => t.id)],
    );
    const answers = new Map<string, Record<string, string[]>>();
    // Filled in place: copying an attempt's answers at each row cost a results page its attempts × answers².
    for (const row of rows) {
      const sheet = answers.get(row.attempt_id) ?? {};
      sheet[row.question_id] = row.option_ids;
      answers.set(row.attempt_id, sheet);
    }
    return answers;
  }

  /** Saves several answers of an attempt in one statement, each replacing that question's earlier answer. */
  private async putAnswers(manager: EntityManager, attempt: Attempt, answers: Record<string, string[]>, now: Date): Promise<void> {
    const chosen = Object.fromEntries(Object.entries(answers).map(([questionId, optionIds]) => [questionId, [...new Set(optionIds)]]));
    if (Object.keys(chosen).length === 0) return;
    await manager.query(
      `INSERT INTO attempt_answers (organization_id, attempt_id, question_id, option_ids, answered_at)
       SELECT $1, $2, e.key::uuid, ARRAY(SELECT jsonb_array_elements_text(e.value)), $4 FROM jsonb_each($3::jsonb) AS e
       ON CONFLICT (organization_id, attempt_id, question_id)
         DO UPDATE SET option_ids = EXCLUDED.option_ids, answered_at = EXCLUDED.answered_at`,
      [attempt.organizationId, attempt.id, JSON.stringify(chosen), now],
    );
  }

  /** Ends an attempt with the answers it saved, scored (a survey never is), and writes it; the caller holds its row lock. */
  private async finish(manager: EntityManager, attempt: Attempt, test: Assessment, at: Date, reason: FinishReason): Promise<void> {
    const keys = (await this.keysOf(manager, [test.id])).get(test.id) ?? [];
    const answers = (await this.answersOf(manager, [attempt])).get(attempt.id) ?? {};
    this.end(attempt, test, at, reason, keys, answers);
    await manager.save(attempt);
  }

  /** Sets an attempt's end and score in memory. */
  private end(attempt: Attempt, test: Assessment, at: Date, reason: FinishReason, keys: ScoringKey[], answers: AnswerSheet): void {
    attempt.submittedAt = at;
    attempt.finishReason = reason;
    const score = scoreOf(test.kind, keys, answers);
    attempt.score = score.score;
    attempt.maxScore = score.maxScore;
    attempt.percent = score.percent;
  }

  /**
   * Attempts as they stand at `now`: each with how it ended and its score. One past its deadline and grace that nobody
   * has written down is scored here from the answers it saved, and nothing is written.
   */
  private async standings(manager: EntityManager, attempts: Attempt[], tests: Assessment[], now: Date): Promise<Standing[]> {
    const testOf = new Map(tests.map((t) => [t.id, t]));
    const standings = attempts.map((attempt) => {
      const test = testOf.get(attempt.assessmentId) as Assessment;
      return { attempt, test, end: attemptEnd(attempt, test, now), score: { score: attempt.score, maxScore: attempt.maxScore, percent: attempt.percent } };
    });
    const unrecorded = standings.filter((s) => s.end && !s.end.recorded);
    if (unrecorded.length > 0) {
      const keys = await this.keysOf(manager, [...new Set(unrecorded.map((s) => s.test.id))]);
      const answers = await this.answersOf(manager, unrecorded.map((s) => s.attempt));
      for (const s of unrecorded) s.score = scoreOf(s.test.kind, keys.get(s.test.id) ?? [], answers.get(s.attempt.id) ?? {});
    }
    return standings;
  }

  /**
   * The ended pre- and post-test attempts of one organization matching `where` (over attempts t, assessments a,
   * enrolments e and sessions s), grouped by `groupOf`; an attempt past its deadline and grace that nobody has written
   * down yet is scored from its saved answers.
   */
  private async endedScores(
    where: string,
    params: unknown[],
    groupOf: (row: EndedAttempt) => string,
  ): Promise<Map<string, EndedAttempt[]>> {
    const grouped = new Map<string, EndedAttempt[]>();
    for (const attempt of await this.endedAttempts(where, params)) {
      const key = groupOf(attempt);
      const group = grouped.get(key) ?? [];
      group.push(attempt);
      grouped.set(key, group);
    }
    return grouped;
  }

  /** The ended pre- and post-test attempts matching `where` (see endedScores), each with who took it, where, and its score. */
  private async endedAttempts(where: string, params: unknown[]): Promise<EndedAttempt[]> {
    const manager = this.db.manager;
    const now = this.clock.now();
    const rows: EndedRow[] = await manager.query(
      `SELECT t.id, t.enrolment_id, e.person_id, s.program_id, s.id AS session_id, a.id AS assessment_id, a.kind,
              coalesce(t.submitted_at, ${attemptSql.effectiveDeadline('t', 'a')}) AS ended_at, t.percent, t.submitted_at IS NOT NULL AS recorded
         FROM attempts t
         JOIN assessments a ON a.id = t.assessment_id
         JOIN enrolments e ON e.id = t.enrolment_id
         JOIN training_sessions s ON s.id = e.session_id
        WHERE t.organization_id = $1 AND a.organization_id = $1 AND e.organization_id = $1 AND s.organization_id = $1
          -- A test is its session's (as the attempt's enrolment is): said, so the plan goes from the sessions asked
          -- for to their tests' attempts instead of reading every attempt of the organization's years.
          AND a.session_id = s.id
          AND a.kind <> 'survey' AND ${where}
          AND ${attemptSql.ended('t', 'a', `$${params.length + 1}`)}`,
      [...params, now],
    );
    const unrecorded = rows.filter((r) => !r.recorded);
    if (unrecorded.length > 0) {
      const keys = await this.keysOf(manager, [...new Set(unrecorded.map((r) => r.assessment_id))]);
      const answers = await this.answersOf(manager, unrecorded.map((r) => ({ organizationId: params[0] as string, id: r.id })));
      for (const row of unrecorded) row.percent = scoreOf(row.kind, keys.get(row.assessment_id) ?? [], answers.get(row.id) ?? {}).percent;
    }
    return rows.map((row) => ({
      attemptId: row.id,
      assessmentId: row.assessment_id,
      enrolmentId: row.enrolment_id,
      personId: row.person_id,
      programId: row.program_id,
      sessionId: row.session_id,
      kind: row.kind,
      endedAt: new Date(row.ended_at),
      percent: row.percent === null ? null : Number(row.percent),
    }));
  }

  /**
   * A question's type and option ids, as the database has them now. Phones asking for one question while it is being
   * read share that read (a hall reaches each question together: 100 phones made 100 reads of it); the read is
   * dropped once it has answered.
   */
  private optionsOf(questionId: string) {
    const reading = this.readingOptions.get(questionId);
    if (reading) return reading;
    const read = this.db.manager
      .findOne(Question, { where: { id: questionId }, select: { id: true, type: true, options: true } })
      .then((question) => question && { type: question.type, optionIds: new Set(question.options.map((o) => o.id)) })
      .finally(() => this.readingOptions.delete(questionId));
    this.readingOptions.set(questionId, read);
    return read;
  }

  /**
   * Keeps a question's options in this process's memory once a save to it applied: it is then in a test someone
   * started, so it is used, and a used question never changes in place (editing makes a new version with a new id),
   * in this process or any other. A question a phone merely named may be unused and still edited in place: it is
   * read again next time.
   */
  private rememberOptions(questionId: string, options: { type: QuestionType; optionIds: Set<string> }) {
    if (this.questionOptions.has(questionId)) return;
    if (this.questionOptions.size >= QUESTION_CACHE_SIZE) {
      this.questionOptions.delete(this.questionOptions.keys().next().value as string);
    }
    this.questionOptions.set(questionId, options);
  }

  private async validateAnswer(manager: EntityManager, test: Assessment, questionId: string, optionIds: string[]) {
    const inTest = await manager.exists(AssessmentQuestion, { where: { organizationId: test.organizationId, assessmentId: test.id, questionId } });
    if (!inTest) throw new DomainError('QUESTION_NOT_IN_ASSESSMENT', 'คำถามนี้ไม่อยู่ในแบบทดสอบชุดนี้');
    const question = await manager.findOneByOrFail(Question, { id: questionId });
    const known = new Set(question.options.map((o) => o.id));
    const tooMany = question.type !== 'multiple_choice' && optionIds.length > 1;
    if (optionIds.some((id) => !known.has(id)) || tooMany) {
      throw new DomainError('OPTION_NOT_IN_QUESTION', 'ตัวเลือกที่ส่งมาไม่ตรงกับคำถาม กรุณาเลือกคำตอบใหม่');
    }
  }

  /** The taker's attempt, row-locked for the transaction, and its test. */
  private async lock(manager: EntityManager, taker: Taker, attemptId: string) {
    const attempt = await manager.findOne(Attempt, { where: { id: attemptId, enrolmentId: taker.id }, lock: { mode: 'pessimistic_write' } });
    if (!attempt) throw notFound('NOT_FOUND', 'ไม่พบการทำแบบทดสอบนี้');
    const test = await manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
    return { attempt, test };
  }
}

/**
 * Handed in already under another key with other answers: another phone holding a copy of this device's cookie
 * won. An attempt the deadline, the sweeper or the test's close finished has no key, and a hand-in of the very same
 * answers lost nothing: both get the result as it stands.
 */
function handedInElsewhere(attempt: Attempt, idempotencyKey: string, requestHash: string): boolean {
  return attempt.submitIdempotencyKey !== null && attempt.submitIdempotencyKey !== idempotencyKey && attempt.submitRequestHash !== requestHash;
}

const submittedElsewhere = () =>
  conflict(
    'ATTEMPT_SUBMITTED_ELSEWHERE',
    'คำตอบในโทรศัพท์เครื่องนี้ไม่ใช่ชุดที่ถูกส่ง แบบทดสอบนี้ถูกส่งจากอีกเครื่องหนึ่งที่ใช้การลงชื่อเดียวกันไปแล้ว ผลที่บันทึกไว้เป็นผลของการส่งครั้งนั้น',
  );

interface EndedRow {
  id: string;
  enrolment_id: string;
  person_id: string;
  program_id: string;
  session_id: string;
  assessment_id: string;
  kind: AssessmentKind;
  ended_at: Date;
  percent: string | number | null;
  recorded: boolean;
}

/** An ended pre- or post-test attempt as the indicator counts it (EndedScore), with whose and where it is. */
export interface EndedAttempt {
  attemptId: string;
  assessmentId: string;
  enrolmentId: string;
  personId: string;
  programId: string;
  sessionId: string;
  kind: AssessmentKind;
  endedAt: Date;
  percent: number | null;
}

/** One of a person's attempts, read-only, with each question, the options, what was chosen and the points. */
export interface PersonAttemptRecord {
  attemptId: string;
  assessmentId: string;
  assessmentTitle: string;
  sessionId: string;
  kind: AssessmentKind;
  attemptNumber: number;
  state: 'in_progress' | 'ended';
  finishReason: FinishReason | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  startedAt: Date;
  endedAt: Date | null;
  answers: {
    questionId: string;
    position: number;
    topic: string;
    type: QuestionType;
    stem: string;
    options: { id: string; text: string; chosen: boolean; right: boolean }[];
    answered: boolean;
    correct: boolean;
    earnedPoints: number;
    points: number;
  }[];
}

/** A survey is never scored; a test is scored on its questions' keys. */
function scoreOf(kind: AssessmentKind, keys: ScoringKey[], answers: AnswerSheet): AttemptScoreFields {
  if (kind === 'survey') return { score: null, maxScore: null, percent: null };
  const { score, maxScore, percent } = scoreAttempt(keys, answers);
  return { score, maxScore, percent };
}

/** The same answers in any key or option order give the same hash. */
function hashAnswers(answers: Record<string, string[]>): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((questionId) => [questionId, [...new Set(answers[questionId])].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
