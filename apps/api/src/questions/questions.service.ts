import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BankQuestion, ExportFormat, ImportFormat, QuestionImportPreview, QuestionInput } from '@sujarit/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { AttemptsService } from '../attempts/attempts.service';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain.error';
import { ProgramsService } from '../programs/programs.service';
import { addQuestionsToBank } from './add-questions';
import { Question } from '../database/entities/question.entity';
import { questionBankFile, QuestionFileDownload, readQuestionFile, toPreview, UploadedQuestionFile } from './question-files';
import { storedQuestion, toBankQuestion } from './question.mapper';

/**
 * A program's question bank. A question any attempt has used is never changed in place: editing it
 * makes a new version and archives the old one, so old attempts keep their scores; tests not yet
 * taken move to the new version.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramsService,
    private readonly assessments: AssessmentsService,
    private readonly attempts: AttemptsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string, programId: string, includeArchived: boolean): Promise<BankQuestion[]> {
    await this.programs.require(organizationId, programId);
    const questions = await this.db.getRepository(Question).find({
      where: { organizationId, programId, ...(includeArchived ? {} : { archivedAt: IsNull() }) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const used = await this.attempts.usedQuestionIds(this.db.manager, organizationId, questions.map((q) => q.id));
    return questions.map((q) => toBankQuestion(q, used.has(q.id)));
  }

  /** Reads an import file for one of the caller's programs and says what can be added; saves nothing. */
  async previewImport(
    organizationId: string,
    programId: string,
    format: ImportFormat,
    file: UploadedQuestionFile | undefined,
  ): Promise<QuestionImportPreview> {
    await this.programs.require(organizationId, programId);
    return toPreview(format, readQuestionFile(format, file));
  }

  /** The program's active bank as GIFT or CSV, in bank order. */
  async exportBank(organizationId: string, programId: string, format: ExportFormat): Promise<QuestionFileDownload> {
    const program = await this.programs.require(organizationId, programId);
    return questionBankFile(format, program, await this.list(organizationId, programId, false));
  }

  async create(user: AuthenticatedUser, programId: string, input: QuestionInput): Promise<BankQuestion> {
    const { organizationId } = user;
    const program = await this.programs.require(organizationId, programId);
    return this.db.transaction(async (manager) => {
      const [{ next }]: { next: number }[] = await manager.query(
        `SELECT coalesce(max(position), -1) + 1 AS next FROM questions WHERE program_id = $1`,
        [programId],
      );
      const question = await manager.save(Question, {
        organizationId,
        programId,
        position: next,
        version: 1,
        lineageId: null,
        archivedAt: null,
        ...storedQuestion(input),
      });
      await this.audit.record(manager, actorOf(user), {
        action: 'question.created',
        subject: { id: question.id, label: questionLabel(question) },
        details: { programCode: program.code, topic: question.topic, type: question.type },
      });
      return toBankQuestion(question, false);
    });
  }

  /** Adds checked questions (an import's confirmed rows) at the end of the bank, all or none. */
  async createMany(user: AuthenticatedUser, programId: string, inputs: QuestionInput[]): Promise<{ created: number }> {
    const { organizationId } = user;
    const program = await this.programs.require(organizationId, programId);
    return this.db.transaction(async (manager) => {
      const created = await addQuestionsToBank(manager, organizationId, programId, inputs);
      await this.audit.record(manager, actorOf(user), {
        action: 'questions.imported',
        subject: { id: program.id, label: program.code },
        details: { created },
      });
      return { created };
    });
  }

  async update(user: AuthenticatedUser, id: string, input: QuestionInput): Promise<BankQuestion> {
    const { organizationId } = user;
    return this.db.transaction(async (manager) => {
      const current = await this.lock(manager, organizationId, id);
      // A client that does not send the follow-up outcome (an older form, a script) leaves it as it was.
      const stored = storedQuestion(input.followUpOutcome === undefined ? { ...input, followUpOutcome: current.followUpOutcome } : input);
      const changes = changedFields(current, stored, AUDITED_FIELDS);
      if (!(await this.attempts.usedQuestionIds(manager, organizationId, [id])).has(id)) {
        await manager.update(Question, { id }, stored);
        await this.audit.record(manager, actorOf(user), {
          action: 'question.updated',
          subject: { id, label: questionLabel({ ...current, ...stored }) },
          changes,
          details: { newVersion: false },
        });
        return toBankQuestion(await manager.findOneByOrFail(Question, { id }), false);
      }
      const next = await manager.save(Question, {
        organizationId,
        programId: current.programId,
        position: current.position,
        version: current.version + 1,
        lineageId: current.lineageId ?? current.id,
        archivedAt: null,
        ...stored,
      });
      await manager.update(Question, { id }, { archivedAt: this.clock.now() });
      await this.assessments.replaceQuestionInUntakenTests(manager, organizationId, id, next.id);
      await this.audit.record(manager, actorOf(user), {
        action: 'question.updated',
        subject: { id: next.id, label: questionLabel(next) },
        changes,
        details: { newVersion: true, previousId: id, version: next.version },
      });
      return toBankQuestion(next, false);
    });
  }

  /**
   * Deletes a question nobody answered; one that was used, or the first version of later ones (they point at it),
   * is archived instead.
   */
  async remove(user: AuthenticatedUser, id: string): Promise<{ outcome: 'deleted' | 'archived' }> {
    return this.db.transaction(async (manager) => {
      const question = await this.lock(manager, user.organizationId, id);
      await this.assessments.replaceQuestionInUntakenTests(manager, user.organizationId, id, null);
      const subject = { id, label: questionLabel(question) };
      const hasLaterVersions = await manager.existsBy(Question, { organizationId: user.organizationId, lineageId: id });
      if (hasLaterVersions || (await this.attempts.usedQuestionIds(manager, user.organizationId, [id])).has(id)) {
        await manager.update(Question, { id }, { archivedAt: this.clock.now() });
        await this.audit.record(manager, actorOf(user), { action: 'question.archived', subject });
        return { outcome: 'archived' as const };
      }
      await manager.delete(Question, { id });
      await this.audit.record(manager, actorOf(user), { action: 'question.deleted', subject });
      return { outcome: 'deleted' as const };
    });
  }

  private async lock(manager: EntityManager, organizationId: string, id: string): Promise<Question> {
    const question = await manager.findOne(Question, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!question) throw notFound('NOT_FOUND', 'ไม่พบคำถามนี้ในคลังข้อสอบของหน่วยงาน');
    return question;
  }
}

/** What the audit log says changed in a question: its wording and scoring, not just "edited". */
const AUDITED_FIELDS = ['type', 'topic', 'stem', 'options', 'correctOptionIds', 'explanation', 'points', 'followUpOutcome'] as const;

/** A question as the log names it: the start of its text. */
const questionLabel = (q: { stem: string }) => (q.stem.length > 80 ? `${q.stem.slice(0, 79)}…` : q.stem);
