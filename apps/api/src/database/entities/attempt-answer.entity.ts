import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Attempt } from './attempt.entity';

/**
 * One saved answer of an attempt: the options chosen for one question (none when the trainee cleared it), saved
 * again in place when they change their mind. A row per answer lets item analysis group answers by question.
 * Keyed by organization first, so a program-year's answers are an indexed read and the table can be spread by
 * organization later. Only the attempt is a foreign key, (organization, attempt) so an answer can never sit under
 * another organization's attempt: a key to the organization or the question would make every save lock that shared
 * row (a whole hall answering the same questions at once); the attempt holds both.
 */
@Entity({ name: 'attempt_answers' })
@ForeignKey(() => Attempt, ['organizationId', 'attemptId'], ['organizationId', 'id'], { name: 'FK_attempt_answers_attempt', onDelete: 'CASCADE' })
export class AttemptAnswer {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_attempt_answers' })
  organizationId: string;

  @PrimaryColumn({ name: 'attempt_id', type: 'uuid', primaryKeyConstraintName: 'PK_attempt_answers' })
  attemptId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'PK_attempt_answers' })
  questionId: string;

  /** The options chosen, each once. */
  @Column({ name: 'option_ids', type: 'text', array: true })
  optionIds: string[];

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;
}
