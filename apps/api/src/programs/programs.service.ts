import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  CreateProgramRequest,
  ProgramDetails,
  ProgramDetailsRequest,
  ProgramList,
  ProgramYear as ProgramYearView,
  UpdateProgramYearRequest,
} from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual, Not, QueryFailedError, Repository } from 'typeorm';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain.error';
import { IndicatorsService, ProgramProgress } from '../indicators/indicators.service';
import { Question } from '../database/entities/question.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { PROGRAM_YEAR_SETTINGS, ProgramYear } from '../database/entities/program-year.entity';
import { Program } from '../database/entities/program.entity';

/** A program's own fields, as the form and a template give them (checked and trimmed). */
export interface ProgramFields {
  code: string;
  name: string;
  audience: string;
  ownerUnit: string;
  description: string;
  objectives: string;
}

/** A year's settings without the unit: a new program's years take the program's unit. */
export type NewProgramYear = Omit<UpdateProgramYearRequest, 'ownerUnit'> & { fiscalYear: number };

const UNIQUE_VIOLATION = '23505';

/**
 * The organization's programs. Codes are unique within the organization, archived programs included, so
 * restoring one never clashes and a template never makes a second program with a code already used.
 */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
    @InjectRepository(ProgramYear) private readonly years: Repository<ProgramYear>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The programs with their settings and progress in a fiscal year, the current one (Bangkok time) unless asked. */
  async list(organizationId: string, requestedYear: number | undefined, includeArchived = false): Promise<ProgramList> {
    const fiscalYear = requestedYear ?? fiscalYearOf(this.clock.now());
    const [programs, archivedCount, years, progress] = await Promise.all([
      this.programs.find({
        where: { organizationId, ...(includeArchived ? {} : { archivedAt: IsNull() }) },
        order: { code: 'ASC' },
      }),
      this.programs.countBy({ organizationId, archivedAt: Not(IsNull()) }),
      this.years.find({ where: { organizationId, fiscalYear } }),
      this.indicators.progressByProgram(organizationId, fiscalYear),
    ]);
    return {
      fiscalYear,
      archivedCount,
      programs: programs.map((program) => {
        const year = years.find((y) => y.programId === program.id);
        return {
          id: program.id,
          code: program.code,
          name: program.name,
          audience: program.audience,
          ownerUnit: year?.ownerUnit ?? program.ownerUnit,
          description: program.description,
          archivedAt: program.archivedAt?.toISOString() ?? null,
          year: year ? toProgramYearView(year) : null,
          progress: pickProgress(progress.get(program.id)),
        };
      }),
    };
  }

  async get(organizationId: string, programId: string): Promise<ProgramDetails> {
    return this.details(this.db.manager, await this.require(organizationId, programId));
  }

  /** A new program and, when given, its settings for one fiscal year. */
  async create(user: AuthenticatedUser, request: CreateProgramRequest): Promise<ProgramDetails> {
    const { organizationId } = user;
    const fields = programFields(request);
    return this.db.transaction(async (manager) => {
      const created = await this.insertProgram(manager, organizationId, fields, request.year ? [request.year] : []);
      if (!created) throw await this.codeTaken(manager, organizationId, fields.code);
      await this.audit.record(manager, actorOf(user), {
        action: 'program.created',
        subject: { id: created.id, label: `${created.code} ${created.name}` },
        details: request.year ? { fiscalYear: request.year.fiscalYear, targetHeadcount: request.year.targetHeadcount } : {},
      });
      return this.details(manager, created);
    });
  }

  /**
   * Inserts a program with its years unless the organization already has one with that code (then null and
   * nothing written). Two callers at once cannot both insert it: the unique index decides.
   */
  async insertProgram(
    manager: EntityManager,
    organizationId: string,
    fields: ProgramFields,
    years: NewProgramYear[],
  ): Promise<Program | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Program)
      .values({
        organizationId,
        code: fields.code,
        name: fields.name,
        audience: fields.audience,
        ownerUnit: fields.ownerUnit,
        description: fields.description,
        objectives: fields.objectives,
        archivedAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return null;
    if (years.length > 0) {
      await manager.insert(
        ProgramYear,
        years.map((year) => ({
          organizationId,
          programId: id,
          fiscalYear: year.fiscalYear,
          targetHeadcount: year.targetHeadcount,
          sessionsRequired: year.sessionsRequired,
          budgetBaht: year.budgetBaht,
          passMarkPercent: year.passMarkPercent,
          targetPassRatePercent: year.targetPassRatePercent,
          indicatorBasis: year.indicatorBasis,
          certificateCriterion: year.certificateCriterion,
          ownerUnit: fields.ownerUnit,
        })),
      );
    }
    return manager.findOneByOrFail(Program, { id });
  }

  /**
   * Replaces a program's own details. A new owner unit also moves the current and later years that still
   * named the old one; past years keep the unit that ran them.
   */
  async updateDetails(user: AuthenticatedUser, programId: string, request: ProgramDetailsRequest): Promise<ProgramDetails> {
    const { organizationId } = user;
    const fields = programFields(request);
    try {
      return await this.db.transaction(async (manager) => {
        const program = await this.lock(manager, organizationId, programId);
        if (fields.code !== program.code) {
          const holder = await manager.findOneBy(Program, { organizationId, code: fields.code });
          if (holder) throw this.codeTakenBy(holder);
        }
        if (fields.ownerUnit !== program.ownerUnit) {
          await manager.update(
            ProgramYear,
            { programId, ownerUnit: program.ownerUnit, fiscalYear: MoreThanOrEqual(fiscalYearOf(this.clock.now())) },
            { ownerUnit: fields.ownerUnit },
          );
        }
        await manager.update(Program, { id: programId }, fields);
        const changes = changedFields(program, fields, ['code', 'name', 'audience', 'ownerUnit', 'description', 'objectives']);
        if (Object.keys(changes).length > 0) {
          await this.audit.record(manager, actorOf(user), {
            action: 'program.updated',
            subject: { id: programId, label: `${fields.code} ${fields.name}` },
            changes,
          });
        }
        return this.details(manager, await manager.findOneByOrFail(Program, { id: programId }));
      });
    } catch (error) {
      // Another request took the code between the check and the update.
      if (isDatabaseError(error, UNIQUE_VIOLATION)) throw this.codeTakenBy({ code: fields.code, name: null, archivedAt: null });
      throw error;
    }
  }

  /** Takes the program out of the lists, session scheduling, the plan and the indicators; its data stays. */
  async archive(user: AuthenticatedUser, programId: string): Promise<ProgramDetails> {
    return this.db.transaction(async (manager) => {
      const program = await this.lock(manager, user.organizationId, programId);
      if (!program.archivedAt) {
        await manager.update(Program, { id: programId }, { archivedAt: this.clock.now() });
        await this.audit.record(manager, actorOf(user), { action: 'program.archived', subject: programSubject(program) });
      }
      return this.details(manager, await manager.findOneByOrFail(Program, { id: programId }));
    });
  }

  async unarchive(user: AuthenticatedUser, programId: string): Promise<ProgramDetails> {
    return this.db.transaction(async (manager) => {
      const program = await this.lock(manager, user.organizationId, programId);
      if (program.archivedAt) {
        await manager.update(Program, { id: programId }, { archivedAt: null });
        await this.audit.record(manager, actorOf(user), { action: 'program.unarchived', subject: programSubject(program) });
      }
      return this.details(manager, await manager.findOneByOrFail(Program, { id: programId }));
    });
  }

  /**
   * Deletes a program that never had a session, with its years and bank. One with sessions (cancelled ones
   * too) holds people's attendance and scores: it can only be archived. The row lock makes a session being
   * created at the same moment either wait and fail, or be counted here.
   */
  async remove(user: AuthenticatedUser, programId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const program = await this.lock(manager, user.organizationId, programId);
      if ((await manager.countBy(TrainingSession, { programId })) > 0) {
        throw conflict('PROGRAM_HAS_SESSIONS', 'โครงการนี้มีรอบอบรมแล้วจึงลบไม่ได้ เก็บถาวรแทนได้ ข้อมูลการอบรมและผลสอบจะยังอยู่ครบ');
      }
      await manager.delete(Program, { id: programId });
      await this.audit.record(manager, actorOf(user), { action: 'program.deleted', subject: programSubject(program) });
    });
  }

  /** Replaces a program's settings for one fiscal year, creating them when the year has none yet. */
  async updateYear(user: AuthenticatedUser, programId: string, fiscalYear: number, request: UpdateProgramYearRequest): Promise<ProgramYearView> {
    const { organizationId } = user;
    const program = await this.require(organizationId, programId);
    return this.db.transaction(async (manager) => {
      const before = await manager.findOne(ProgramYear, { where: { programId, fiscalYear }, lock: { mode: 'pessimistic_write' } });
      await manager.upsert(ProgramYear, { organizationId, programId, fiscalYear, ...request }, ['organizationId', 'programId', 'fiscalYear']);
      const after = await manager.findOneByOrFail(ProgramYear, { programId, fiscalYear });
      const changes = changedFields(before ?? ({} as ProgramYear), after, PROGRAM_YEAR_SETTINGS);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, actorOf(user), {
          action: 'program_year.updated',
          subject: { id: programId, label: `${program.code} ปีงบประมาณ ${fiscalYear}` },
          changes,
          details: { fiscalYear },
        });
      }
      return toProgramYearView(after);
    });
  }

  /** The program, if it belongs to the caller's organization (archived or not). */
  async require(organizationId: string, programId: string): Promise<Program> {
    const program = await this.programs.findOneBy({ id: programId, organizationId });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    return program;
  }

  /** The program, if it is the caller's and in use: new sessions are scheduled only in those. */
  async requireActive(organizationId: string, programId: string): Promise<Program> {
    const program = await this.require(organizationId, programId);
    if (program.archivedAt) {
      throw conflict('PROGRAM_ARCHIVED', `โครงการ ${program.code} ถูกเก็บถาวรแล้ว กู้คืนโครงการก่อนจึงจะจัดรอบอบรมได้`, { code: program.code });
    }
    return program;
  }

  private async lock(manager: EntityManager, organizationId: string, programId: string): Promise<Program> {
    const program = await manager.findOne(Program, { where: { id: programId, organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    return program;
  }

  private async details(manager: EntityManager, program: Program): Promise<ProgramDetails> {
    const [sessionCount, questionCount] = await Promise.all([
      manager.countBy(TrainingSession, { programId: program.id }),
      manager.countBy(Question, { programId: program.id, archivedAt: IsNull() }),
    ]);
    return {
      id: program.id,
      code: program.code,
      name: program.name,
      audience: program.audience,
      ownerUnit: program.ownerUnit,
      description: program.description,
      objectives: program.objectives,
      archivedAt: program.archivedAt?.toISOString() ?? null,
      createdAt: program.createdAt.toISOString(),
      sessionCount,
      questionCount,
    };
  }

  private async codeTaken(manager: EntityManager, organizationId: string, code: string) {
    const holder = await manager.findOneBy(Program, { organizationId, code });
    return this.codeTakenBy(holder ?? { code, name: null, archivedAt: null });
  }

  private codeTakenBy(holder: { code: string; name: string | null; archivedAt: Date | null }) {
    const who = holder.name ? ` โดยโครงการ "${holder.name}"` : '';
    const archived = holder.archivedAt ? ' ซึ่งเก็บถาวรอยู่ (กู้คืนโครงการนั้นแทนได้)' : '';
    return conflict('PROGRAM_CODE_TAKEN', `รหัสโครงการ ${holder.code} ถูกใช้แล้ว${who}${archived} กรุณาใช้รหัสอื่น`, {
      code: holder.code,
      ...(holder.name ? { program: holder.name } : {}),
    });
  }
}


const programSubject = (program: Program) => ({ id: program.id, label: `${program.code} ${program.name}` });

function programFields(request: ProgramDetailsRequest): ProgramFields {
  return {
    code: request.code,
    name: request.name,
    audience: request.audience,
    ownerUnit: request.ownerUnit,
    description: request.description,
    objectives: request.objectives,
  };
}

function isDatabaseError(error: unknown, sqlState: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === sqlState;
}

function pickProgress(progress: ProgramProgress | undefined): ProgramProgress {
  return {
    attended: progress?.attended ?? 0,
    enrolled: progress?.enrolled ?? 0,
    waitlisted: progress?.waitlisted ?? 0,
    sessionsScheduled: progress?.sessionsScheduled ?? 0,
    sessionsHeld: progress?.sessionsHeld ?? 0,
  };
}

export function toProgramYearView(year: ProgramYear): ProgramYearView {
  return {
    programId: year.programId,
    fiscalYear: year.fiscalYear,
    targetHeadcount: year.targetHeadcount,
    sessionsRequired: year.sessionsRequired,
    budgetBaht: year.budgetBaht,
    passMarkPercent: year.passMarkPercent,
    targetPassRatePercent: year.targetPassRatePercent,
    indicatorBasis: year.indicatorBasis,
    certificateCriterion: year.certificateCriterion,
    ownerUnit: year.ownerUnit,
  };
}
