import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AnswerSheet, AttemptScore, scoreAttempt } from '@sujarit/domain';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Question } from '../questions/question.entity';
import { Attempt } from './attempt.entity';

/** Scoring and finishing of attempts. Scores are computed here, on the server, and nowhere else. */
@Injectable()
export class AttemptsService {
  constructor(@InjectRepository(Attempt) private readonly attempts: Repository<Attempt>) {}

  async score(manager: EntityManager, questionIds: readonly string[], answers: AnswerSheet): Promise<AttemptScore> {
    const questions = await manager.getRepository(Question).findBy({ id: In([...questionIds]) });
    return scoreAttempt(
      questions.map((q) => ({
        questionId: q.id,
        type: q.type,
        correctOptionIds: q.correctOptionIds,
        points: q.points,
      })),
      answers,
    );
  }

  /** Marks an attempt submitted with its score; the caller holds the row lock. */
  async finish(manager: EntityManager, attempt: Attempt, questionIds: readonly string[], now: Date): Promise<Attempt> {
    const result = await this.score(manager, questionIds, attempt.answers);
    attempt.submittedAt = now;
    attempt.score = result.score;
    attempt.maxScore = result.maxScore;
    attempt.percent = result.percent;
    return manager.getRepository(Attempt).save(attempt);
  }

  /** When a test closes, attempts still open are finished with the answers they saved: none is thrown away. */
  async finishAllOpen(manager: EntityManager, assessmentId: string, questionIds: readonly string[], now: Date) {
    const open = await manager
      .getRepository(Attempt)
      .find({ where: { assessmentId, submittedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    for (const attempt of open) await this.finish(manager, attempt, questionIds, now);
    return open.length;
  }

  countSubmitted(assessmentIds: string[]): Promise<{ assessmentId: string; count: number }[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.attempts
      .createQueryBuilder('t')
      .select('t.assessment_id', 'assessmentId')
      .addSelect('count(*)::int', 'count')
      .where('t.assessment_id IN (:...ids)', { ids: assessmentIds })
      .andWhere('t.submitted_at IS NOT NULL')
      .groupBy('t.assessment_id')
      .getRawMany();
  }
}
