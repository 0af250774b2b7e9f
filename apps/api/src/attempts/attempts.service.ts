import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEADLINE_GRACE_SECONDS, type FinishReason } from '@sujarit/contracts';
import { AnswerSheet, AttemptScore, scoreAttempt, ScoringKey } from '@sujarit/domain';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { effectiveDeadline } from '../assessments/assessment-state';
import { Question } from '../questions/question.entity';
import { Attempt } from './attempt.entity';

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

/** Scoring and finishing of attempts. Scores are computed here, on the server, and nowhere else. */
@Injectable()
export class AttemptsService {
  constructor(@InjectRepository(Attempt) private readonly attempts: Repository<Attempt>) {}

  async score(manager: EntityManager, questionIds: readonly string[], answers: AnswerSheet): Promise<AttemptScore> {
    const questions = await manager.getRepository(Question).findBy({ id: In([...questionIds]) });
    return scoreAttempt(questions.map(scoringKey), answers);
  }

  /**
   * Ends an attempt with the answers it holds; the caller holds the row lock. A survey is never scored.
   * `at` is when it ended: now for a submit or a close, the deadline for one that ran out of time.
   */
  async finish(manager: EntityManager, attempt: Attempt, assessment: Assessment, at: Date, reason: FinishReason) {
    attempt.submittedAt = at;
    attempt.finishReason = reason;
    if (assessment.kind === 'survey') {
      attempt.score = attempt.maxScore = attempt.percent = null;
    } else {
      const result = await this.score(manager, assessment.questionIds, attempt.answers);
      attempt.score = result.score;
      attempt.maxScore = result.maxScore;
      attempt.percent = result.percent;
    }
    return manager.getRepository(Attempt).save(attempt);
  }

  /** When a test closes, attempts still open are finished with the answers they saved: none is thrown away. */
  async finishAllOpen(manager: EntityManager, assessment: Assessment, now: Date) {
    const open = await manager
      .getRepository(Attempt)
      .find({ where: { assessmentId: assessment.id, submittedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    for (const attempt of open) await this.finish(manager, attempt, assessment, now, 'closed');
    return open.length;
  }

  /**
   * Finishes, with their saved answers, the attempts whose deadline and grace have passed, so every count and
   * indicator read after this sees them. Runs before anything reads attempts; rows another request holds are
   * left to it.
   */
  async finishOverdue(manager: EntityManager, scope: { organizationId: string } | { enrolmentId: string }, now: Date) {
    const [column, value] = 'organizationId' in scope ? ['organization_id', scope.organizationId] : ['enrolment_id', scope.enrolmentId];
    const rows: { id: string }[] = await manager.query(
      `SELECT t.id FROM attempts t JOIN assessments a ON a.id = t.assessment_id
        WHERE t.${column} = $1 AND t.submitted_at IS NULL
          AND LEAST(t.deadline_at, a.closes_at) + make_interval(secs => $3) < $2
        FOR UPDATE OF t SKIP LOCKED`,
      [value, now, DEADLINE_GRACE_SECONDS],
    );
    for (const { id } of rows) {
      const attempt = await manager.findOneByOrFail(Attempt, { id });
      const assessment = await manager.findOneByOrFail(Assessment, { id: attempt.assessmentId });
      await this.finish(manager, attempt, assessment, effectiveDeadline(attempt.deadlineAt, assessment) ?? now, 'deadline');
    }
    return rows.length;
  }

  counts(assessmentIds: string[]): Promise<{ assessmentId: string; started: number; submitted: number }[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.attempts
      .createQueryBuilder('t')
      .select('t.assessment_id', 'assessmentId')
      .addSelect('count(DISTINCT t.enrolment_id)::int', 'started')
      .addSelect('count(DISTINCT t.enrolment_id) FILTER (WHERE t.submitted_at IS NOT NULL)::int', 'submitted')
      .where('t.assessment_id IN (:...ids)', { ids: assessmentIds })
      .groupBy('t.assessment_id')
      .getRawMany();
  }
}
