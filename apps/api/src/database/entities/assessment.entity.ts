import type {
  AssessmentKind,
  AssessmentSelection,
  AssessmentStatus,
  ResultsVisibility,
  ReviewVisibility,
} from '@sujarit/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingSession } from './training-session.entity';

/**
 * One test of a session: its pre-test, its post-test (one each) or a survey (any number).
 * By default pre and post use the same questions, so gain pairs per person.
 */
@Entity({ name: 'assessments' })
@Index('UQ_assessments_session_test_kind', ['sessionId', 'kind'], { unique: true, where: `kind <> 'survey'` })
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index('IDX_assessments_session')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: TrainingSession;

  @Column({ type: 'text' })
  kind: AssessmentKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'draft' })
  status: AssessmentStatus;

  /** How the questions were chosen; `assessment_questions` holds the outcome (a random draw is made once, on save). */
  @Column({ type: 'jsonb' })
  selection: AssessmentSelection;

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'time_limit_minutes', type: 'integer', nullable: true })
  timeLimitMinutes: number | null;

  @Column({ name: 'shuffle_questions', type: 'boolean', default: false })
  shuffleQuestions: boolean;

  @Column({ name: 'shuffle_options', type: 'boolean', default: false })
  shuffleOptions: boolean;

  @Column({ name: 'attempts_allowed', type: 'integer', default: 1 })
  attemptsAllowed: number;

  @Column({ name: 'results_visibility', type: 'text', default: 'on_submit' })
  resultsVisibility: ResultsVisibility;

  @Column({ name: 'review_visibility', type: 'text', default: 'after_close' })
  reviewVisibility: ReviewVisibility;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
