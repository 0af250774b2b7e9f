import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../common/numeric.transformer';
import { Assessment } from '../assessments/assessment.entity';
import { Enrolment } from '../enrolments/enrolment.entity';

/** One trainee's answers to one assessment: saved as given, scored by the server on submit. */
@Entity({ name: 'attempts' })
@Index(['assessmentId', 'enrolmentId'], { unique: true })
export class Attempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @ManyToOne(() => Assessment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Assessment;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  /** Option ids chosen, by question id. */
  @Column({ type: 'jsonb', default: {} })
  answers: Record<string, string[]>;

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
