import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProgramList, ProgramYear as ProgramYearView, UpdateProgramYearRequest } from '@sujarit/contracts';
import { Repository } from 'typeorm';
import { notFound } from '../common/domain.error';
import { IndicatorsService, ProgramProgress } from '../indicators/indicators.service';
import { ProgramYear } from './program-year.entity';
import { Program } from './program.entity';

@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
    @InjectRepository(ProgramYear) private readonly years: Repository<ProgramYear>,
    private readonly indicators: IndicatorsService,
  ) {}

  async list(organizationId: string, fiscalYear: number): Promise<ProgramList> {
    const [programs, years, progress] = await Promise.all([
      this.programs.find({ where: { organizationId }, order: { code: 'ASC' } }),
      this.years.find({ where: { organizationId, fiscalYear } }),
      this.indicators.progressByProgram(organizationId, fiscalYear),
    ]);
    return {
      fiscalYear,
      programs: programs.map((program) => {
        const year = years.find((y) => y.programId === program.id);
        return {
          id: program.id,
          code: program.code,
          name: program.name,
          audience: program.audience,
          ownerUnit: year?.ownerUnit ?? program.ownerUnit,
          year: year ? toProgramYearView(year) : null,
          progress: pickProgress(progress.get(program.id)),
        };
      }),
    };
  }

  /** Replaces a program's settings for one fiscal year, creating them when the year has none yet. */
  async updateYear(organizationId: string, programId: string, fiscalYear: number, request: UpdateProgramYearRequest): Promise<ProgramYearView> {
    await this.require(organizationId, programId);
    await this.years.upsert({ organizationId, programId, fiscalYear, ...request }, ['programId', 'fiscalYear']);
    return toProgramYearView(await this.years.findOneByOrFail({ programId, fiscalYear }));
  }

  /** The program, if it belongs to the caller's organization. */
  async require(organizationId: string, programId: string): Promise<Program> {
    const program = await this.programs.findOneBy({ id: programId, organizationId });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    return program;
  }
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
    ownerUnit: year.ownerUnit,
  };
}
