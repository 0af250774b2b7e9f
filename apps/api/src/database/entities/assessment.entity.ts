import {
  ASSESSMENT_KINDS,
  ASSESSMENT_STATUSES,
  RESULTS_VISIBILITY,
  REVIEW_VISIBILITY,
  type AssessmentKind,
  type AssessmentSelection,
  type AssessmentStatus,
  type ResultsVisibility,
  type ReviewVisibility,
} from '@sujarit/contracts';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { TrainingSession } from './training-session.entity';

/**
 * One test of a session: its pre-test, its post-test (one each) or a survey (any number).
 * By default pre and post use the same questions, so gain pairs per person.
 */
@Entity({ name: 'assessments' })
@Index('UQ_assessments_session_test_kind', ['organizationId', 'sessionId', 'kind'], { unique: true, where: `kind <> 'survey'` })
// What a test's questions and attempts point at with their own organization: (organization_id, assessment_id).
@Unique('UQ_assessments_organization_id_id', ['organizationId', 'id'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_assessments_organization', onDelete: 'CASCADE' })
@ForeignKey(() => TrainingSession, ['organizationId', 'sessionId'], ['organizationId', 'id'], { name: 'FK_assessments_session', onDelete: 'CASCADE' })
@Check('CHK_assessments_kind', oneOf('kind', ASSESSMENT_KINDS))
@Check('CHK_assessments_status', oneOf('status', ASSESSMENT_STATUSES))
@Check('CHK_assessments_results_visibility', oneOf('results_visibility', RESULTS_VISIBILITY))
@Check('CHK_assessments_review_visibility', oneOf('review_visibility', REVIEW_VISIBILITY))
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index('IDX_assessments_session')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

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
