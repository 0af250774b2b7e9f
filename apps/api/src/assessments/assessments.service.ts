import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SATISFACTION_SURVEY_TOPIC,
  type AssessmentDetail,
  type AssessmentKind,
  type AssessmentSelection,
  type AssessmentSettings,
  type AssessmentSummary,
  type CreateSurveyRequest,
  type SurveyResults,
} from '@sujarit/contracts';
import { toPercent } from '@sujarit/domain';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Attempt } from '../attempts/attempt.entity';
import { AttemptsService } from '../attempts/attempts.service';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Question } from '../questions/question.entity';
import { TrainingSession } from '../sessions/training-session.entity';
import { byKindOrder } from './assessment-order';
import { assessmentState } from './assessment-state';
import { draw } from './draw';
import { Assessment } from './assessment.entity';

/** How many questions of the bank a default test takes, in bank order. */
export const DEFAULT_TEST_LENGTH = 20;

export const DEFAULT_TITLES: Record<AssessmentKind, string> = {
  pre_test: 'แบบทดสอบก่อนอบรม',
  post_test: 'แบบทดสอบหลังอบรม',
  survey: 'แบบประเมินความพึงพอใจต่อการอบรม',
};

/** Settings a new test starts with: no window, no limit, one attempt, the score at once; review after close. */
const DEFAULT_SETTINGS = {
  opensAt: null,
  closesAt: null,
  timeLimitMinutes: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  attemptsAllowed: 1,
  resultsVisibility: 'on_submit',
  reviewVisibility: 'after_close',
} as const;

/** The settings the audit log compares before and after a save. */
const AUDITED_SETTINGS = [
  'title',
  'opensAt',
  'closesAt',
  'timeLimitMinutes',
  'shuffleQuestions',
  'shuffleOptions',
  'attemptsAllowed',
  'resultsVisibility',
  'reviewVisibility',
  'selectionMode',
  'questionCount',
] as const;

/** A test's settings as the audit log keeps them: times as ISO text, the questions by how many and how chosen. */
function auditedSettings(a: Assessment) {
  return {
    title: a.title,
    opensAt: a.opensAt?.toISOString() ?? null,
    closesAt: a.closesAt?.toISOString() ?? null,
    timeLimitMinutes: a.timeLimitMinutes,
    shuffleQuestions: a.shuffleQuestions,
    shuffleOptions: a.shuffleOptions,
    attemptsAllowed: a.attemptsAllowed,
    resultsVisibility: a.resultsVisibility,
    reviewVisibility: a.reviewVisibility,
    selectionMode: a.selection.mode,
    questionCount: a.questionIds.length,
  };
}

const SCORED_TYPES = In(['single_choice', 'multiple_choice', 'true_false']);

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A new session gets a pre-test, a post-test with the same questions (so gain pairs per person) and, when the
   * program's bank has satisfaction items, the satisfaction survey.
   */
  async createDefaults(manager: EntityManager, organizationId: string, programId: string, sessionId: string) {
    const bank = (where: object) =>
      manager.getRepository(Question).find({
        where: { organizationId, programId, archivedAt: IsNull(), ...where },
        order: { position: 'ASC', createdAt: 'ASC' },
        select: { id: true },
      });
    const scored = (await bank({ type: SCORED_TYPES })).slice(0, DEFAULT_TEST_LENGTH).map((q) => q.id);
    const satisfaction = (await bank({ topic: SATISFACTION_SURVEY_TOPIC, type: 'likert' })).map((q) => q.id);
    const common = { organizationId, sessionId, status: 'draft' as const, ...DEFAULT_SETTINGS };
    const rows: Partial<Assessment>[] = [
      // A pre-test's review would teach the post-test's answers: it stays hidden unless the organizer opens it.
      { ...common, kind: 'pre_test', title: DEFAULT_TITLES.pre_test, reviewVisibility: 'never', selection: fixed(scored), questionIds: scored },
      { ...common, kind: 'post_test', title: DEFAULT_TITLES.post_test, selection: { mode: 'same_as_pre' }, questionIds: scored },
    ];
    if (satisfaction.length > 0) {
      rows.push({ ...common, kind: 'survey', title: DEFAULT_TITLES.survey, selection: fixed(satisfaction), questionIds: satisfaction });
    }
    await manager.getRepository(Assessment).insert(rows);
  }

  async summaries(organizationId: string, sessionIds: string[]): Promise<Map<string, AssessmentSummary[]>> {
    if (sessionIds.length === 0) return new Map();
    const now = this.clock.now();
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { organizationId }, now));
    const list = byKindOrder(await this.db.manager.find(Assessment, { where: { organizationId, sessionId: In(sessionIds) } }));
    const counts = await this.attempts.counts(list.map((a) => a.id));
    const bySession = new Map<string, AssessmentSummary[]>();
    for (const a of list) {
      const summaries = bySession.get(a.sessionId) ?? [];
      summaries.push(summaryOf(a, now, counts.find((c) => c.assessmentId === a.id)));
      bySession.set(a.sessionId, summaries);
    }
    return bySession;
  }

  async detail(organizationId: string, id: string, manager: EntityManager = this.db.manager): Promise<AssessmentDetail> {
    const now = this.clock.now();
    await this.attempts.finishOverdue(manager, { organizationId }, now);
    return this.detailAt(manager, organizationId, id, now);
  }

  private async detailAt(manager: EntityManager, organizationId: string, id: string, now: Date): Promise<AssessmentDetail> {
    const a = await manager.findOneBy(Assessment, { id, organizationId });
    if (!a) throw assessmentNotFound();
    const session = await manager.findOneByOrFail(TrainingSession, { id: a.sessionId });
    const questions = await manager.findBy(Question, { id: In(a.questionIds) });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const [count] = await this.attempts.counts([a.id]);
    return {
      ...summaryOf(a, now, count),
      sessionId: a.sessionId,
      programId: session.programId,
      shuffleQuestions: a.shuffleQuestions,
      shuffleOptions: a.shuffleOptions,
      attemptsAllowed: a.attemptsAllowed,
      resultsVisibility: a.resultsVisibility,
      reviewVisibility: a.reviewVisibility,
      // A fixed list is what the test holds now: a question edited into a new version is replaced in place.
      selection: a.selection.mode === 'fixed' ? fixed(a.questionIds) : a.selection,
      questions: a.questionIds.flatMap((qid) => {
        const q = byId.get(qid);
        return q ? [{ id: q.id, topic: q.topic, type: q.type, stem: q.stem, points: q.type === 'likert' ? 0 : q.points }] : [];
      }),
      questionsLocked: (count?.started ?? 0) > 0,
    };
  }

  /**
   * A survey's answers item by item (Likert items only): how many answered, the mean and the share answering 4–5.
   * Each person's latest submitted attempt counts once.
   */
  async surveyResults(organizationId: string, id: string): Promise<SurveyResults> {
    const now = this.clock.now();
    await this.db.transaction((m) => this.attempts.finishOverdue(m, { organizationId }, now));
    const a = await this.db.manager.findOneBy(Assessment, { id, organizationId });
    if (!a) throw assessmentNotFound();
    const questions = await this.db.manager.findBy(Question, { id: In(a.questionIds), type: 'likert' });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const rows: { answers: Record<string, string[]> }[] = await this.db.query(
      `SELECT DISTINCT ON (enrolment_id) answers FROM attempts
        WHERE assessment_id = $1 AND submitted_at IS NOT NULL
        ORDER BY enrolment_id, attempt_number DESC`,
      [a.id],
    );
    const items = a.questionIds.flatMap((qid) => {
      const q = byId.get(qid);
      if (!q) return [];
      const counts = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
      for (const { answers } of rows) {
        const value = Number(answers[qid]?.[0]);
        if (value >= 1 && value <= 5) counts[value as 1 | 2 | 3 | 4 | 5] += 1;
      }
      const answered = counts[5] + counts[4] + counts[3] + counts[2] + counts[1];
      const sum = 5 * counts[5] + 4 * counts[4] + 3 * counts[3] + 2 * counts[2] + counts[1];
      return [
        {
          questionId: q.id,
          topic: q.topic,
          stem: q.stem,
          answered,
          mean: answered === 0 ? null : Math.round((sum / answered) * 100) / 100,
          agreePercent: answered === 0 ? null : toPercent(counts[5] + counts[4], answered),
          counts,
        },
      ];
    });
    return { assessmentId: a.id, title: a.title, respondents: rows.length, items };
  }

  /**
   * Saves a test's settings. The questions cannot change once anyone has started (scores must stay comparable);
   * times, limit, attempts and visibility can. A random draw is made here, once, so the whole session gets the
   * same questions; saving the same rule again keeps the draw.
   */
  async update(user: AuthenticatedUser, id: string, settings: AssessmentSettings): Promise<AssessmentDetail> {
    const { organizationId } = user;
    return this.db.transaction(async (manager) => {
      const a = await this.lock(manager, organizationId, id);
      const before = auditedSettings(a);
      const questionIds = await this.resolveSelection(manager, a, settings.selection);
      if (!sameList(questionIds, a.questionIds) && (await this.hasAttempts(manager, a.id))) {
        throw conflict(
          'ASSESSMENT_QUESTIONS_LOCKED',
          'มีผู้เริ่มทำแบบทดสอบนี้แล้ว จึงเปลี่ยนคำถามไม่ได้ (เปลี่ยนเวลา การจำกัดเวลา และการแสดงผลได้)',
        );
      }
      Object.assign(a, {
        title: settings.title,
        opensAt: settings.opensAt ? new Date(settings.opensAt) : null,
        closesAt: settings.closesAt ? new Date(settings.closesAt) : null,
        timeLimitMinutes: settings.timeLimitMinutes,
        shuffleQuestions: settings.shuffleQuestions,
        shuffleOptions: settings.shuffleOptions,
        attemptsAllowed: settings.attemptsAllowed,
        resultsVisibility: settings.resultsVisibility,
        reviewVisibility: settings.reviewVisibility,
        selection: settings.selection,
        questionIds,
      });
      await manager.save(a);
      if (a.kind === 'pre_test') await this.followPre(manager, a);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.settings_updated',
        subject: { id, label: await this.label(manager, a) },
        changes: changedFields(before, auditedSettings(a), AUDITED_SETTINGS),
      });
      return this.detailAt(manager, organizationId, id, this.clock.now());
    });
  }

  /** Adds a survey (satisfaction, follow-up) to a session. */
  async createSurvey(user: AuthenticatedUser, sessionId: string, request: CreateSurveyRequest): Promise<AssessmentDetail> {
    const { organizationId } = user;
    return this.db.transaction(async (manager) => {
      const session = await manager.findOneBy(TrainingSession, { id: sessionId, organizationId });
      if (!session) throw notFound('SESSION_NOT_FOUND', 'ไม่พบรอบอบรม');
      const draft = manager.create(Assessment, {
        organizationId,
        sessionId,
        kind: 'survey',
        status: 'draft',
        title: request.title,
        ...DEFAULT_SETTINGS,
        selection: request.selection,
        questionIds: [],
      });
      draft.questionIds = await this.resolveSelection(manager, draft, request.selection);
      const saved = await manager.save(draft);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.created',
        subject: { id: saved.id, label: `${session.title}: ${saved.title}` },
        details: { questions: saved.questionIds.length },
      });
      return this.detailAt(manager, organizationId, saved.id, this.clock.now());
    });
  }

  /** Only a survey nobody has started can go; pre- and post-tests belong to every session. */
  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const a = await this.lock(manager, user.organizationId, id);
      if (a.kind !== 'survey') {
        throw conflict('ASSESSMENT_IN_USE', 'แบบทดสอบก่อนและหลังอบรมเป็นส่วนหนึ่งของทุกรอบอบรม ลบไม่ได้');
      }
      if (await this.hasAttempts(manager, a.id)) {
        throw conflict('ASSESSMENT_IN_USE', 'มีผู้ตอบแบบสำรวจนี้แล้ว จึงลบไม่ได้ (ปิดแบบสำรวจแทน)');
      }
      const label = await this.label(manager, a);
      await manager.delete(Assessment, { id: a.id });
      await this.audit.record(manager, actorOf(user), { action: 'assessment.deleted', subject: { id, label } });
    });
  }

  async open(user: AuthenticatedUser, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const assessment = await this.lock(manager, user.organizationId, id);
      const session = await manager.findOneByOrFail(TrainingSession, { id: assessment.sessionId });
      if (session.status !== 'scheduled' && session.status !== 'open') {
        throw new DomainError(
          'INVALID_STATE',
          'เปิดแบบทดสอบได้เฉพาะรอบอบรมที่กำหนดการแล้วหรือกำลังอบรม',
          HttpStatus.CONFLICT,
        );
      }
      if (assessment.questionIds.length === 0) {
        throw new DomainError('ASSESSMENT_EMPTY', 'แบบทดสอบนี้ยังไม่มีคำถาม เพิ่มคำถามในคลังข้อสอบของโครงการก่อน');
      }
      const now = this.clock.now();
      // Once trainees could read the right answers, a reopened test would hand them to whoever takes it next.
      if (
        assessmentState(assessment, now) === 'closed' &&
        assessment.reviewVisibility === 'after_close' &&
        assessment.kind !== 'survey' &&
        (await manager.exists(Attempt, { where: { assessmentId: assessment.id, submittedAt: Not(IsNull()) } }))
      ) {
        throw conflict(
          'INVALID_STATE',
          'แบบทดสอบนี้ปิดและแสดงเฉลยแล้ว จึงเปิดใหม่ไม่ได้ หากต้องการสอบใหม่ ให้ใช้แบบทดสอบชุดอื่น',
        );
      }
      if (assessment.closesAt && assessment.closesAt <= now) {
        throw conflict('INVALID_STATE', 'เวลาปิดที่ตั้งไว้ผ่านไปแล้ว แก้เวลาปิดในการตั้งค่าก่อนเปิดแบบทดสอบ');
      }
      // Opening a test means the training is under way.
      if (session.status === 'scheduled') await manager.update(TrainingSession, { id: session.id }, { status: 'open' });
      if (assessment.status === 'open') return;
      assessment.status = 'open';
      assessment.openedAt = now;
      assessment.closedAt = null;
      await manager.save(assessment);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.opened',
        subject: { id, label: `${session.title}: ${assessment.title}` },
      });
    });
  }

  async close(user: AuthenticatedUser, id: string): Promise<void> {
    const { organizationId } = user;
    await this.db.transaction(async (manager) => {
      const assessment = await this.lock(manager, organizationId, id);
      if (assessment.status !== 'open') {
        throw new DomainError('INVALID_STATE', 'ปิดได้เฉพาะแบบทดสอบที่เปิดอยู่', HttpStatus.CONFLICT);
      }
      const now = this.clock.now();
      // Attempts already past their deadline end at their deadline; the rest end now, with what they saved.
      await this.attempts.finishOverdue(manager, { organizationId }, now);
      await this.attempts.finishAllOpen(manager, assessment, now);
      assessment.status = 'closed';
      assessment.closedAt = now;
      await manager.save(assessment);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.closed',
        subject: { id, label: await this.label(manager, assessment) },
      });
    });
  }

  /** A test as the audit log names it: its session's title and its own. */
  private async label(manager: EntityManager, a: Assessment): Promise<string> {
    const session = await manager.findOneBy(TrainingSession, { id: a.sessionId });
    return `${session?.title ?? ''}: ${a.title}`;
  }

  /** Turns a selection into the test's question ids, checking each against the program's active bank. */
  private async resolveSelection(manager: EntityManager, a: Assessment, selection: AssessmentSelection): Promise<string[]> {
    const session = await manager.findOneByOrFail(TrainingSession, { id: a.sessionId });
    const active = { organizationId: a.organizationId, programId: session.programId, archivedAt: IsNull() };
    switch (selection.mode) {
      case 'same_as_pre': {
        if (a.kind !== 'post_test') {
          throw new DomainError('VALIDATION_FAILED', 'ใช้ข้อสอบชุดเดียวกับแบบทดสอบก่อนอบรมได้เฉพาะแบบทดสอบหลังอบรม');
        }
        const pre = await manager.findOneByOrFail(Assessment, { sessionId: a.sessionId, kind: 'pre_test' });
        return pre.questionIds;
      }
      case 'fixed': {
        const ids = [...new Set(selection.questionIds)];
        // Questions the test already holds stay valid even if archived since; new picks must be active.
        const kept = ids.filter((qid) => a.questionIds.includes(qid));
        const found = await manager.find(Question, { where: { ...active, id: In(ids) }, select: { id: true } });
        const known = new Set([...kept, ...found.map((q) => q.id)]);
        const unknown = ids.filter((qid) => !known.has(qid));
        if (unknown.length > 0) {
          throw new DomainError('VALIDATION_FAILED', `มีคำถาม ${unknown.length} ข้อที่ไม่อยู่ในคลังข้อสอบของโครงการนี้ หรือถูกเก็บถาวรแล้ว`);
        }
        return ids;
      }
      case 'random_per_topic': {
        if (a.selection && sameRule(a.selection, selection) && a.questionIds.length > 0) return a.questionIds;
        const bank = await manager.find(Question, {
          where: { ...active, topic: In(selection.perTopic.map((t) => t.topic)) },
          order: { position: 'ASC', createdAt: 'ASC' },
          select: { id: true, topic: true },
        });
        const drawn = new Set<string>();
        for (const { topic, count } of selection.perTopic) {
          const pool = bank.filter((q) => q.topic === topic).map((q) => q.id);
          if (pool.length < count) {
            throw new DomainError(
              'NOT_ENOUGH_QUESTIONS',
              `หัวข้อ "${topic}" มีคำถาม ${pool.length} ข้อ น้อยกว่าที่ขอสุ่ม ${count} ข้อ`,
            );
          }
          for (const qid of draw(pool, count)) drawn.add(qid);
        }
        // Bank order; each attempt may still shuffle.
        return bank.map((q) => q.id).filter((qid) => drawn.has(qid));
      }
    }
  }

  /** A post-test that follows its pre-test takes the pre-test's new questions, unless someone has started it. */
  private async followPre(manager: EntityManager, pre: Assessment) {
    const post = await manager.findOneBy(Assessment, { sessionId: pre.sessionId, kind: 'post_test' });
    if (!post || post.selection.mode !== 'same_as_pre' || sameList(post.questionIds, pre.questionIds)) return;
    if (await this.hasAttempts(manager, post.id)) return;
    await manager.update(Assessment, { id: post.id }, { questionIds: pre.questionIds });
  }

  private hasAttempts(manager: EntityManager, assessmentId: string) {
    return manager.exists(Attempt, { where: { assessmentId } });
  }

  private async lock(manager: EntityManager, organizationId: string, id: string) {
    const assessment = await manager.getRepository(Assessment).findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!assessment) throw assessmentNotFound();
    return assessment;
  }
}

/** What a session's page shows of a test: its state now, its window and its counts. */
function summaryOf(a: Assessment, now: Date, count: { started: number; submitted: number } | undefined): AssessmentSummary {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    state: assessmentState(a, now),
    questionCount: a.questionIds.length,
    startedCount: count?.started ?? 0,
    submittedCount: count?.submitted ?? 0,
    opensAt: a.opensAt?.toISOString() ?? null,
    closesAt: a.closesAt?.toISOString() ?? null,
    timeLimitMinutes: a.timeLimitMinutes,
    openedAt: a.openedAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
  };
}

const assessmentNotFound = () => notFound('ASSESSMENT_NOT_FOUND', 'ไม่พบแบบทดสอบนี้');

const fixed = (questionIds: string[]): AssessmentSelection => ({ mode: 'fixed', questionIds });

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameRule(a: AssessmentSelection, b: AssessmentSelection): boolean {
  if (a.mode !== 'random_per_topic' || b.mode !== 'random_per_topic') return false;
  // As tuples: jsonb does not keep the order of an object's keys.
  const key = (s: typeof a) =>
    JSON.stringify(s.perTopic.map((t) => [t.topic, t.count]).sort(([x], [y]) => String(x).localeCompare(String(y))));
  return key(a) === key(b);
}
