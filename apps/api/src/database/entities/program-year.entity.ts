import { CERTIFICATE_CRITERIA, INDICATOR_BASES, type CertificateCriterion } from '@sujarit/contracts';
import type { IndicatorBasis } from '@sujarit/domain';
import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { numericTransformer } from '../../common/numeric.transformer';
import { Program } from './program.entity';

/** A program's target and indicator settings for one fiscal year (Buddhist Era). */
@Entity({ name: 'program_years' })
@Index('UQ_program_years_program_fiscal_year', ['organizationId', 'programId', 'fiscalYear'], { unique: true })
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_program_years_organization', onDelete: 'CASCADE' })
@ForeignKey(() => Program, ['organizationId', 'programId'], ['organizationId', 'id'], { name: 'FK_program_years_program', onDelete: 'CASCADE' })
@Check('CHK_program_years_indicator_basis', oneOf('indicator_basis', INDICATOR_BASES))
@Check('CHK_program_years_certificate_criterion', oneOf('certificate_criterion', CERTIFICATE_CRITERIA))
export class ProgramYear {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  // Its key is the composite one above, within the organization.
  @ManyToOne(() => Program, { createForeignKeyConstraints: false })
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

  /** Who earns this year's certificates: everyone who attended a session, or those who also passed its post-test. */
  @Column({ name: 'certificate_criterion', type: 'text', default: 'attended' })
  certificateCriterion: CertificateCriterion;

  /** The unit responsible this year (สำนักปลัด, กองการศึกษา …); units are reorganized between years. */
  @Column({ name: 'owner_unit', type: 'text' })
  ownerUnit: string;
}

/**
 * A program-year's settings: what an organizer edits, what copying a year carries to the next, and what the audit log
 * compares. One list, so a new setting is copied and audited everywhere at once.
 */
export const PROGRAM_YEAR_SETTINGS = [
  'targetHeadcount',
  'sessionsRequired',
  'budgetBaht',
  'passMarkPercent',
  'targetPassRatePercent',
  'indicatorBasis',
  'certificateCriterion',
  'ownerUnit',
] as const satisfies readonly (keyof ProgramYear)[];

export type ProgramYearSettings = Pick<ProgramYear, (typeof PROGRAM_YEAR_SETTINGS)[number]>;

export function programYearSettingsOf(year: ProgramYearSettings): ProgramYearSettings {
  return Object.fromEntries(PROGRAM_YEAR_SETTINGS.map((field) => [field, year[field]])) as ProgramYearSettings;
}
