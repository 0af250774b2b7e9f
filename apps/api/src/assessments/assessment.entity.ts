import type { AssessmentKind, AssessmentStatus } from '@sujarit/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingSession } from '../sessions/training-session.entity';

/** A session's pre-test or post-test. By default both use the same questions, so gain pairs per person. */
@Entity({ name: 'assessments' })
@Index(['sessionId', 'kind'], { unique: true })
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: TrainingSession;

  @Column({ type: 'text' })
  kind: AssessmentKind;

  @Column({ type: 'text', default: 'draft' })
  status: AssessmentStatus;

  /** Question ids in the order trainees see them. */
  @Column({ name: 'question_ids', type: 'jsonb' })
  questionIds: string[];

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
