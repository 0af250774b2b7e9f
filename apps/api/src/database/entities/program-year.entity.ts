import type { IndicatorBasis } from '@sujarit/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../common/numeric.transformer';
import { Program } from './program.entity';

/** A program's target and indicator settings for one fiscal year (Buddhist Era). */
@Entity({ name: 'program_years' })
@Index(['programId', 'fiscalYear'], { unique: true })
export class ProgramYear {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear: number;

  @Column({ name: 'target_headcount', type: 'integer' })
  targetHeadcount: number;

  @Column({ name: 'sessions_required', type: 'integer' })
  sessionsRequired: number;

  @Column({ name: 'budget_baht', type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  budgetBaht: number;

  @Column({ name: 'pass_mark_percent', type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  passMarkPercent: number;

  @Column({
    name: 'target_pass_rate_percent',
    type: 'numeric',
    precision: 5,
    scale: 2,
    transformer: numericTransformer,
  })
  targetPassRatePercent: number;

  @Column({ name: 'indicator_basis', type: 'text', default: 'pass_rate' })
  indicatorBasis: IndicatorBasis;

  /** The unit responsible this year (สำนักปลัด, กองการศึกษา …); units are reorganized between years. */
  @Column({ name: 'owner_unit', type: 'text' })
  ownerUnit: string;
}
