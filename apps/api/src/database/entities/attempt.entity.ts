import { FINISH_REASONS, type FinishReason } from '@sujarit/contracts';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { numericTransformer } from '../../common/numeric.transformer';
import { Assessment } from './assessment.entity';
import { Enrolment } from './enrolment.entity';

/**
 * One try of one trainee at one assessment: answers saved as given (attempt_answers), scored by the server when it
 * ends. One of the big tables: keyed by organization first, tied to a test and an enrolment of its own organization.
 */
@Entity({ name: 'attempts' })
@Index('UQ_attempts_assessment_enrolment_number', ['organizationId', 'assessmentId', 'enrolmentId', 'attemptNumber'], { unique: true })
// Reads by id or test that do not name the organization yet; plain indexes, which a distributed table may keep.
@Index('IDX_attempts_id', ['id'])
@Index('IDX_attempts_assessment', ['assessmentId'])
@Index('IDX_attempts_enrolment', ['organizationId', 'enrolmentId'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_attempts_organization', onDelete: 'CASCADE' })
@ForeignKey(() => Assessment, ['organizationId', 'assessmentId'], ['organizationId', 'id'], { name: 'FK_attempts_assessment', onDelete: 'CASCADE' })
@ForeignKey(() => Enrolment, ['organizationId', 'enrolmentId'], ['organizationId', 'id'], { name: 'FK_attempts_enrolment', onDelete: 'CASCADE' })
@Check('CHK_attempts_finish_reason', oneOf('finish_reason', FINISH_REASONS))
// The attempts still open: few at any time, all of them read by the sweeper that finishes those past their deadline.
@Index('IDX_attempts_open', ['assessmentId'], { where: 'submitted_at IS NULL' })
export class Attempt {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_attempts' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_attempts' })
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  /** 1 for the first try; a retake (when the test allows more than one) is the next number. */
  @Column({ name: 'attempt_number', type: 'integer', default: 1 })
  attemptNumber: number;

  /** The questions in the order this attempt shows them (shuffled when the test says so). */
  @Column({ name: 'question_order', type: 'jsonb', default: [] })
  questionOrder: string[];

  /** The option ids per question in the order this attempt shows them. */
  @Column({ name: 'option_order', type: 'jsonb', default: {} })
  optionOrder: Record<string, string[]>;

  /** Answers stop being taken at this instant (plus a short grace): the time limit or the closing time. */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'finish_reason', type: 'text', nullable: true })
  finishReason: FinishReason | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** The Idempotency-Key of the submit that finished the attempt, and a hash of its body. */
  @Column({ name: 'submit_idempotency_key', type: 'uuid', nullable: true })
  submitIdempotencyKey: string | null;

  @Column({ name: 'submit_request_hash', type: 'text', nullable: true })
  submitRequestHash: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericTransformer })
  score: number | null;

  @Column({ name: 'max_score', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericTransformer })
  maxScore: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  percent: number | null;
}
