import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AssessmentKind, AssessmentSummary } from '@sujarit/contracts';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { AttemptsService } from '../attempts/attempts.service';
import { DomainError, notFound } from '../common/domain.error';
import { Question } from '../questions/question.entity';
import { TrainingSession } from '../sessions/training-session.entity';
import { byKindOrder } from './assessment-order';
import { Assessment } from './assessment.entity';

/** How many questions of the bank a default test takes, in bank order. */
export const DEFAULT_TEST_LENGTH = 20;

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectRepository(Assessment) private readonly assessments: Repository<Assessment>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
  ) {}

  /** A new session gets a pre-test and a post-test with the same questions, so gain pairs per person. */
  async createDefaultPair(manager: EntityManager, organizationId: string, programId: string, sessionId: string) {
    const questions = await manager.getRepository(Question).find({
      where: { organizationId, programId, archivedAt: IsNull() },
      order: { position: 'ASC', createdAt: 'ASC' },
      take: DEFAULT_TEST_LENGTH,
      select: { id: true },
    });
    const questionIds = questions.map((q) => q.id);
    const kinds: AssessmentKind[] = ['pre_test', 'post_test'];
    await manager
      .getRepository(Assessment)
      .insert(kinds.map((kind) => ({ organizationId, sessionId, kind, status: 'draft' as const, questionIds })));
  }

  async summaries(sessionIds: string[]): Promise<Map<string, AssessmentSummary[]>> {
    if (sessionIds.length === 0) return new Map();
    const list = byKindOrder(await this.assessments.find({ where: { sessionId: In(sessionIds) } }));
    const submitted = await this.attempts.countSubmitted(list.map((a) => a.id));
    const bySession = new Map<string, AssessmentSummary[]>();
    for (const a of list) {
      const summaries = bySession.get(a.sessionId) ?? [];
      summaries.push({
        id: a.id,
        kind: a.kind,
        status: a.status,
        questionCount: a.questionIds.length,
        submittedCount: submitted.find((s) => s.assessmentId === a.id)?.count ?? 0,
        openedAt: a.openedAt?.toISOString() ?? null,
        closedAt: a.closedAt?.toISOString() ?? null,
      });
      bySession.set(a.sessionId, summaries);
    }
    return bySession;
  }

  async open(organizationId: string, sessionId: string, kind: AssessmentKind): Promise<void> {
    await this.db.transaction(async (manager) => {
      const assessment = await this.lock(manager, organizationId, sessionId, kind);
      const session = await manager.findOneByOrFail(TrainingSession, { id: sessionId });
      if (session.status !== 'scheduled' && session.status !== 'open') {
        throw new DomainError(
          'INVALID_STATE',
          'เปิดแบบทดสอบได้เฉพาะรอบอบรมที่กำหนดการแล้วหรือกำลังอบรม',
          HttpStatus.CONFLICT,
        );
      }
      // Opening a test means the training is under way.
      if (session.status === 'scheduled') await manager.update(TrainingSession, { id: sessionId }, { status: 'open' });
      if (assessment.questionIds.length === 0) {
        throw new DomainError('ASSESSMENT_EMPTY', 'แบบทดสอบนี้ยังไม่มีคำถาม เพิ่มคำถามในคลังข้อสอบของโครงการก่อน');
      }
      if (assessment.status === 'open') return;
      assessment.status = 'open';
      assessment.openedAt = new Date();
      assessment.closedAt = null;
      await manager.save(assessment);
    });
  }

  async close(organizationId: string, sessionId: string, kind: AssessmentKind): Promise<void> {
    await this.db.transaction(async (manager) => {
      const assessment = await this.lock(manager, organizationId, sessionId, kind);
      if (assessment.status !== 'open') {
        throw new DomainError('INVALID_STATE', 'ปิดได้เฉพาะแบบทดสอบที่เปิดอยู่', HttpStatus.CONFLICT);
      }
      const now = new Date();
      await this.attempts.finishAllOpen(manager, assessment.id, assessment.questionIds, now);
      assessment.status = 'closed';
      assessment.closedAt = now;
      await manager.save(assessment);
    });
  }

  private async lock(manager: EntityManager, organizationId: string, sessionId: string, kind: AssessmentKind) {
    const assessment = await manager.getRepository(Assessment).findOne({
      where: { organizationId, sessionId, kind },
      lock: { mode: 'pessimistic_write' },
    });
    if (!assessment) throw notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบของรอบอบรมนี้');
    return assessment;
  }
}
