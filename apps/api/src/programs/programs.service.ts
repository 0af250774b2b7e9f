import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProgramList } from '@sujarit/contracts';
import { Repository } from 'typeorm';
import { notFound } from '../common/domain.error';
import { IndicatorsService } from '../indicators/indicators.service';
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
          ownerUnit: program.ownerUnit,
          year: year
            ? {
                fiscalYear: year.fiscalYear,
                targetHeadcount: year.targetHeadcount,
                sessionsRequired: year.sessionsRequired,
                budgetBaht: year.budgetBaht,
                passMarkPercent: year.passMarkPercent,
                targetPassRatePercent: year.targetPassRatePercent,
                indicatorBasis: year.indicatorBasis,
              }
            : null,
          progress: progress.get(program.id) ?? { attended: 0, sessionsScheduled: 0, sessionsHeld: 0 },
        };
      }),
    };
  }

  /** The program, if it belongs to the caller's organization. */
  async require(organizationId: string, programId: string): Promise<Program> {
    const program = await this.programs.findOneBy({ id: programId, organizationId });
    if (!program) throw notFound('PROGRAM_NOT_FOUND', 'ไม่พบโครงการนี้ในหน่วยงานของคุณ');
    return program;
  }
}
