import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Assessment } from './assessment.entity';
import { Organization } from './organization.entity';
import { Question } from './question.entity';

/**
 * A question of a test, at its place in the test's order. The question's key holds it: a question any test holds
 * cannot be deleted (the bank archives a used one instead). The organization leads the keys, so the table can be
 * spread by organization later.
 */
@Entity({ name: 'assessment_questions' })
@Unique('UQ_assessment_questions_position', ['organizationId', 'assessmentId', 'position'])
@Index('IDX_assessment_questions_question', ['organizationId', 'questionId'])
@ForeignKey(() => Assessment, ['organizationId', 'assessmentId'], ['organizationId', 'id'], { name: 'FK_assessment_questions_assessment', onDelete: 'CASCADE' })
@ForeignKey(() => Question, ['organizationId', 'questionId'], ['organizationId', 'id'], { name: 'FK_assessment_questions_question' })
export class AssessmentQuestion {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_assessment_questions' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_assessment_questions_organization' })
  organization?: Organization;

  @PrimaryColumn({ name: 'assessment_id', type: 'uuid', primaryKeyConstraintName: 'PK_assessment_questions' })
  assessmentId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'PK_assessment_questions' })
  questionId: string;

  /** 0 for the first question; an attempt may shuffle them. */
  @Column({ type: 'integer' })
  position: number;
}
