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
  type ItemAnalysis,
  type ProgramYearSurveyResults,
  type SurveyResults,
} from '@sujarit/contracts';
import {
  analyseItems,
  earnedPercent,
  fiscalYearOf,
  followUpOutcomes,
  htmlToText,
  likertItemStatistics,
  SMALL_GROUP_RESPONDENTS,
  testState,
  type ScoringKey,
} from '@sujarit/domain';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AttemptsService, scoringKey } from '../attempts/attempts.service';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Program } from '../database/entities/program.entity';
import { Question } from '../database/entities/question.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { draw } from '../common/draw';
import { AssessmentQuestion } from '../database/entities/assessment-question.entity';
import { Assessment } from '../database/entities/assessment.entity';
import { byKindOrder } from './assessment-order';

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
function auditedSettings(a: Assessment, questionIds: readonly string[]) {
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
    questionCount: questionIds.length,
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
    const tests: [Partial<Assessment>, string[]][] = [
      // A pre-test's review would teach the post-test's answers: it stays hidden unless the organizer opens it.
      [{ ...common, kind: 'pre_test', title: DEFAULT_TITLES.pre_test, reviewVisibility: 'never', selection: fixed(scored) }, scored],
      [{ ...common, kind: 'post_test', title: DEFAULT_TITLES.post_test, selection: { mode: 'same_as_pre' } }, scored],
    ];
    if (satisfaction.length > 0) {
      tests.push([{ ...common, kind: 'survey', title: DEFAULT_TITLES.survey, selection: fixed(satisfaction) }, satisfaction]);
    }
    const inserted = await manager.getRepository(Assessment).insert(tests.map(([test]) => test));
    const links = tests.flatMap(([, questionIds], i) =>
      questionIds.map((questionId, position) => ({ organizationId, assessmentId: inserted.identifiers[i].id as string, questionId, position })),
    );
    if (links.length > 0) await manager.insert(AssessmentQuestion, links);
  }

  /** A session's tests, pre-test first, each with how many questions it holds: for the phone's session page. */
  async ofSession(manager: EntityManager, sessionId: string): Promise<{ test: Assessment; questionCount: number }[]> {
    const { entities, raw } = await manager
      .getRepository(Assessment)
      .createQueryBuilder('a')
      .addSelect((count) => count.select('count(*)::int').from(AssessmentQuestion, 'q').where('q.assessment_id = a.id'), 'question_count')
      .where('a.session_id = :sessionId', { sessionId })
      .getRawAndEntities<{ a_id: string; question_count: number }>();
    const counts = new Map(raw.map((r) => [r.a_id, r.question_count]));
    return byKindOrder(entities).map((test) => ({ test, questionCount: counts.get(test.id) ?? 0 }));
  }

  async summaries(organizationId: string, sessionIds: string[]): Promise<Map<string, AssessmentSummary[]>> {
    if (sessionIds.length === 0) return new Map();
    const now = this.clock.now();
    const manager = this.db.manager;
    const list = byKindOrder(await manager.find(Assessment, { where: { organizationId, sessionId: In(sessionIds) } }));
    const ids = list.map((a) => a.id);
    const [counts, questionCounts] = await Promise.all([this.attempts.counts(manager, ids), this.questionCounts(manager, ids)]);
    const bySession = new Map<string, AssessmentSummary[]>();
    for (const a of list) {
      const summaries = bySession.get(a.sessionId) ?? [];
      summaries.push(summaryOf(a, now, questionCounts.get(a.id) ?? 0, counts.get(a.id)));
      bySession.set(a.sessionId, summaries);
    }
    return bySession;
  }

  detail(organizationId: string, id: string, manager: EntityManager = this.db.manager): Promise<AssessmentDetail> {
    return this.detailAt(manager, organizationId, id, this.clock.now());
  }

  private async detailAt(manager: EntityManager, organizationId: string, id: string, now: Date): Promise<AssessmentDetail> {
    const a = await manager.findOneBy(Assessment, { id, organizationId });
    if (!a) throw assessmentNotFound();
    const session = await manager.findOneByOrFail(TrainingSession, { id: a.sessionId });
    const questionIds = await this.questionIdsOf(manager, a.id);
    const questions = await manager.findBy(Question, { id: In(questionIds) });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const count = (await this.attempts.counts(manager, [a.id])).get(a.id);
    return {
      ...summaryOf(a, now, questionIds.length, count),
      sessionId: a.sessionId,
      programId: session.programId,
      shuffleQuestions: a.shuffleQuestions,
      shuffleOptions: a.shuffleOptions,
      attemptsAllowed: a.attemptsAllowed,
      resultsVisibility: a.resultsVisibility,
      reviewVisibility: a.reviewVisibility,
      // A fixed list is what the test holds now: a question edited into a new version is replaced in place.
      selection: a.selection.mode === 'fixed' ? fixed(questionIds) : a.selection,
      questions: questionIds.flatMap((qid) => {
        const q = byId.get(qid);
        return q ? [{ id: q.id, topic: q.topic, type: q.type, stem: q.stem, points: q.type === 'likert' ? 0 : q.points }] : [];
      }),
      questionsLocked: (count?.started ?? 0) > 0,
    };
  }

  /**
   * A survey's answers item by item (Likert items only): how many answered, the mean and the share answering 4–5,
   * and the follow-up outcomes its items measure. Each person's latest submitted attempt counts once.
   */
  async surveyResults(organizationId: string, id: string): Promise<SurveyResults> {
    const manager = this.db.manager;
    const a = await manager.findOneBy(Assessment, { id, organizationId });
    if (!a) throw assessmentNotFound();
    const questionIds = await this.questionIdsOf(manager, a.id);
    const questions = await manager.findBy(Question, { id: In(questionIds), type: 'likert' });
    const byId = new Map(questions.map((q) => [q.id, q]));
    const responses = await this.attempts.surveyResponses(manager, a);
    const likert = questionIds.flatMap((qid) => {
      const q = byId.get(qid);
      return q ? [q] : [];
    });
    const items = likert.map((q) => ({
      questionId: q.id,
      topic: q.topic,
      stem: q.stem,
      followUpOutcome: q.followUpOutcome,
      ...likertItemStatistics(responses.map((answers) => answers[q.id])),
    }));
    return { assessmentId: a.id, title: a.title, respondents: responses.length, items, outcomes: followUpOutcomes(items, responses) };
  }

  /**
   * Every survey of a program's sessions of a fiscal year (not cancelled) pooled: each respondent's counting answers
   * once per session survey. The versions of one question are one item (keyed by its first version), worded and
   * assigned to an outcome as its latest version used.
   */
  async programYearSurveyResults(organizationId: string, programId: string, requestedYear: number | undefined): Promise<ProgramYearSurveyResults> {
    const manager = this.db.manager;
    const program = await manager.findOneBy(Program, { id: programId, organizationId });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    const fiscalYear = requestedYear ?? fiscalYearOf(this.clock.now());
    const surveys: { id: string; session_id: string; session_title: string }[] = await manager.query(
      `SELECT a.id, s.id AS session_id, s.title AS session_title
         FROM assessments a JOIN training_sessions s ON s.id = a.session_id
        WHERE a.organization_id = $1 AND s.organization_id = $1 AND s.program_id = $2 AND s.fiscal_year = $3
          AND s.status <> 'cancelled' AND a.kind = 'survey'
        ORDER BY s.starts_at, s.id, a.id`,
      [organizationId, programId, fiscalYear],
    );
    const items = new Map<string, Question>();
    const pooled: Record<string, string[]>[] = [];
    const counted: ProgramYearSurveyResults['surveys'] = [];
    for (const row of surveys) {
      const survey = await manager.findOneByOrFail(Assessment, { id: row.id, organizationId });
      const questionIds = await this.questionIdsOf(manager, survey.id);
      const questions = new Map((await manager.findBy(Question, { id: In(questionIds), type: 'likert' })).map((q) => [q.id, q]));
      const lineageOf = (q: Question) => q.lineageId ?? q.id;
      for (const qid of questionIds) {
        const q = questions.get(qid);
        if (!q) continue;
        const held = items.get(lineageOf(q));
        if (!held || q.version >= held.version) items.set(lineageOf(q), q);
      }
      const responses = await this.attempts.surveyResponses(manager, survey);
      for (const answers of responses) {
        const byLineage: Record<string, string[]> = {};
        for (const [qid, chosen] of Object.entries(answers)) {
          const q = questions.get(qid);
          if (q) byLineage[lineageOf(q)] = chosen;
        }
        pooled.push(byLineage);
      }
      counted.push({ assessmentId: survey.id, sessionId: row.session_id, sessionTitle: row.session_title, title: survey.title, respondents: responses.length });
    }
    const results = [...items.entries()].map(([lineageId, q]) => ({
      questionId: lineageId,
      topic: q.topic,
      stem: q.stem,
      followUpOutcome: q.followUpOutcome,
      ...likertItemStatistics(pooled.map((answers) => answers[lineageId])),
    }));
    // Outcomes the program's bank measures but no survey has asked yet are listed too, with no data yet.
    const bankOutcomes = (await manager.findBy(Question, { organizationId, programId, type: 'likert', archivedAt: IsNull(), followUpOutcome: Not(IsNull()) }))
      .sort((x, y) => x.position - y.position)
      .map((q) => ({ questionId: q.lineageId ?? q.id, followUpOutcome: q.followUpOutcome }))
      .filter((q) => !items.has(q.questionId));
    return {
      programId: program.id,
      programCode: program.code,
      programName: program.name,
      fiscalYear,
      surveys: counted,
      respondents: pooled.length,
      items: results,
      outcomes: followUpOutcomes([...results, ...bankOutcomes], pooled),
    };
  }

  /**
   * Item analysis of a pre- or post-test over the answers that count (AttemptsService.countingAnswerSheets): each cell
   * is the share of the question's points earned, an unanswered question 0. A survey has no right answers to analyse.
   */
  async itemAnalysis(organizationId: string, id: string): Promise<ItemAnalysis> {
    const manager = this.db.manager;
    const a = await manager.findOneBy(Assessment, { id, organizationId });
    if (!a) throw assessmentNotFound();
    if (a.kind === 'survey') {
      throw conflict('ASSESSMENT_NOT_A_TEST', 'แบบสำรวจไม่มีคำตอบที่ถูกหรือผิด จึงวิเคราะห์ข้อสอบไม่ได้ ดูผลแบบสำรวจแทน');
    }
    const questionIds = await this.questionIdsOf(manager, a.id);
    const found = new Map((await manager.findBy(Question, { id: In(questionIds) })).map((q) => [q.id, q]));
    const questions = questionIds.flatMap((qid) => {
      const q = found.get(qid);
      return q && q.type !== 'likert' ? [q] : [];
    });
    const keys = questions.map(scoringKey);
    const sheets = await this.attempts.countingAnswerSheets(manager, a);
    const analysis = analyseItems({
      items: keys.map((key) => ({ questionId: key.questionId, maxPoints: key.points, rightOrWrong: isRightOrWrong(key) })),
      responses: sheets.map((sheet) => keys.map((key) => earnedPercent(key, sheet[key.questionId] ?? []) / 100)),
    });
    return {
      assessmentId: a.id,
      kind: a.kind,
      title: a.title,
      respondents: analysis.respondents,
      smallGroup: analysis.smallGroup,
      smallGroupThreshold: SMALL_GROUP_RESPONDENTS,
      discriminationGroupSize: analysis.discriminationGroupSize,
      reliabilityItemCount: analysis.reliabilityItemCount,
      kr20: analysis.kr20,
      items: analysis.items.map((item, i) => ({
        questionId: item.questionId,
        stem: htmlToText(questions[i].stem),
        topic: questions[i].topic,
        type: questions[i].type,
        points: questions[i].points,
        rightCount: item.rightCount,
        difficulty: item.difficulty,
        discrimination: item.discrimination,
        pointBiserial: item.pointBiserial,
        flags: item.flags,
      })),
    };
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
      const current = await this.questionIdsOf(manager, a.id);
      const before = auditedSettings(a, current);
      const questionIds = await this.resolveSelection(manager, a, current, settings.selection);
      if (!sameList(questionIds, current) && (await this.attempts.hasAttempts(manager, a.id))) {
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
      });
      await manager.save(a);
      if (!sameList(questionIds, current)) await this.setQuestions(manager, a, questionIds);
      if (a.kind === 'pre_test') await this.followPre(manager, a, questionIds);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.settings_updated',
        subject: { id, label: await this.label(manager, a) },
        changes: changedFields(before, auditedSettings(a, questionIds), AUDITED_SETTINGS),
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
      });
      const questionIds = await this.resolveSelection(manager, draft, [], request.selection);
      const saved = await manager.save(draft);
      await this.setQuestions(manager, saved, questionIds);
      await this.audit.record(manager, actorOf(user), {
        action: 'assessment.created',
        subject: { id: saved.id, label: `${session.title}: ${saved.title}` },
        details: { questions: questionIds.length },
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
      if (await this.attempts.hasAttempts(manager, a.id)) {
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
      if (!(await manager.exists(AssessmentQuestion, { where: { organizationId: assessment.organizationId, assessmentId: assessment.id } }))) {
        throw new DomainError('ASSESSMENT_EMPTY', 'แบบทดสอบนี้ยังไม่มีคำถาม เพิ่มคำถามในคลังข้อสอบของโครงการก่อน');
      }
      const now = this.clock.now();
      // Once trainees could read the right answers, a reopened test would hand them to whoever takes it next.
      if (
        testState(assessment, now) === 'closed' &&
        assessment.reviewVisibility === 'after_close' &&
        assessment.kind !== 'survey' &&
        (await this.attempts.hasEndedAttempts(manager, assessment.id))
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
      await this.attempts.finishOpen(manager, assessment, now);
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

  /**
   * Turns a selection into the test's question ids, checking each against the program's active bank; `current` is
   * what the test holds now.
   */
  private async resolveSelection(manager: EntityManager, a: Assessment, current: string[], selection: AssessmentSelection): Promise<string[]> {
    const session = await manager.findOneByOrFail(TrainingSession, { id: a.sessionId });
    const active = { organizationId: a.organizationId, programId: session.programId, archivedAt: IsNull() };
    switch (selection.mode) {
      case 'same_as_pre': {
        if (a.kind !== 'post_test') {
          throw new DomainError('VALIDATION_FAILED', 'ใช้ข้อสอบชุดเดียวกับแบบทดสอบก่อนอบรมได้เฉพาะแบบทดสอบหลังอบรม');
        }
        const pre = await manager.findOneByOrFail(Assessment, { sessionId: a.sessionId, kind: 'pre_test' });
        return this.questionIdsOf(manager, pre.id);
      }
      case 'fixed': {
        const ids = [...new Set(selection.questionIds)];
        // Questions the test already holds stay valid even if archived since; new picks must be active.
        const kept = ids.filter((qid) => current.includes(qid));
        const found = await manager.find(Question, { where: { ...active, id: In(ids) }, select: { id: true } });
        const known = new Set([...kept, ...found.map((q) => q.id)]);
        const unknown = ids.filter((qid) => !known.has(qid));
        if (unknown.length > 0) {
          throw new DomainError('VALIDATION_FAILED', `มีคำถาม ${unknown.length} ข้อที่ไม่อยู่ในคลังข้อสอบของโครงการนี้ หรือถูกเก็บถาวรแล้ว`);
        }
        return ids;
      }
      case 'random_per_topic': {
        if (a.selection && sameRule(a.selection, selection) && current.length > 0) return current;
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
              HttpStatus.BAD_REQUEST,
              { topic, available: pool.length, requested: count },
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
  private async followPre(manager: EntityManager, pre: Assessment, questionIds: string[]) {
    const post = await manager.findOneBy(Assessment, { sessionId: pre.sessionId, kind: 'post_test' });
    if (!post || post.selection.mode !== 'same_as_pre') return;
    if (sameList(await this.questionIdsOf(manager, post.id), questionIds) || (await this.attempts.hasAttempts(manager, post.id))) return;
    await this.setQuestions(manager, post, questionIds);
  }

  /**
   * Tests nobody has started yet follow the bank: a question edited into a new version is swapped for it in place, a
   * deleted one dropped. Tests someone started keep theirs (the question is then archived, never deleted).
   */
  async replaceQuestionInUntakenTests(manager: EntityManager, organizationId: string, oldId: string, newId: string | null): Promise<void> {
    const holding = await manager.find(AssessmentQuestion, { where: { organizationId, questionId: oldId }, select: { assessmentId: true } });
    const started = await this.attempts.startedAmong(manager, holding.map((h) => h.assessmentId));
    const untaken = holding.map((h) => h.assessmentId).filter((assessmentId) => !started.has(assessmentId));
    if (untaken.length === 0) return;
    const where = { organizationId, questionId: oldId, assessmentId: In(untaken) };
    if (newId === null) await manager.delete(AssessmentQuestion, where);
    else await manager.update(AssessmentQuestion, where, { questionId: newId });
  }

  /** The test's question ids in its order. */
  private async questionIdsOf(manager: EntityManager, assessmentId: string): Promise<string[]> {
    const rows = await manager.find(AssessmentQuestion, { where: { assessmentId }, order: { position: 'ASC' }, select: { questionId: true } });
    return rows.map((r) => r.questionId);
  }

  /** How many questions each test holds. */
  private async questionCounts(manager: EntityManager, assessmentIds: string[]): Promise<Map<string, number>> {
    if (assessmentIds.length === 0) return new Map();
    const rows: { assessmentId: string; count: number }[] = await manager
      .getRepository(AssessmentQuestion)
      .createQueryBuilder('q')
      .select('q.assessment_id', 'assessmentId')
      .addSelect('count(*)::int', 'count')
      .where('q.assessment_id IN (:...ids)', { ids: assessmentIds })
      .groupBy('q.assessment_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.assessmentId, r.count]));
  }

  /** Replaces the test's questions with these, in this order. */
  private async setQuestions(manager: EntityManager, a: Assessment, questionIds: string[]): Promise<void> {
    await manager.delete(AssessmentQuestion, { organizationId: a.organizationId, assessmentId: a.id });
    if (questionIds.length === 0) return;
    await manager.insert(
      AssessmentQuestion,
      questionIds.map((questionId, position) => ({ organizationId: a.organizationId, assessmentId: a.id, questionId, position })),
    );
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
function summaryOf(a: Assessment, now: Date, questionCount: number, count: { started: number; submitted: number } | undefined): AssessmentSummary {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    state: testState(a, now),
    questionCount,
    startedCount: count?.started ?? 0,
    submittedCount: count?.submitted ?? 0,
    opensAt: a.opensAt?.toISOString() ?? null,
    closesAt: a.closesAt?.toISOString() ?? null,
    timeLimitMinutes: a.timeLimitMinutes,
    openedAt: a.openedAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
  };
}

/**
 * Whether a question can only be right or wrong, so it belongs in KR-20: true/false and single choice whose options are
 * worth all or nothing. Multiple choice shares its points among options, so it can be partly right.
 */
function isRightOrWrong(key: ScoringKey): boolean {
  if (key.type === 'multiple_choice') return false;
  return Object.values(key.optionWeights ?? {}).every((weight) => weight <= 0 || weight >= 100);
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
