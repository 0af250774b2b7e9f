import { QUESTION_TYPES, type QuestionType } from '@sujarit/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { Program } from './program.entity';

export interface QuestionOption {
  id: string;
  text: string;
  /**
   * Percent of the question's points this option is worth (Moodle's weights; negative takes points back).
   * Absent on questions written before weights: then `correctOptionIds` alone is the key.
   */
  weight?: number;
}

/** A question of a program's bank, with its answer key. The key never leaves the server before review. */
@Entity({ name: 'questions' })
@Index(['organizationId', 'programId'])
// What a test's question and a later version point at with their own organization: (organization_id, question_id).
@Unique('UQ_questions_organization_id_id', ['organizationId', 'id'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_questions_organization', onDelete: 'CASCADE' })
@ForeignKey(() => Program, ['organizationId', 'programId'], ['organizationId', 'id'], { name: 'FK_questions_program', onDelete: 'CASCADE' })
// A version points at its first version, which is never deleted while a later one stands (QuestionsService.remove).
@ForeignKey(() => Question, ['organizationId', 'lineageId'], ['organizationId', 'id'], { name: 'FK_questions_lineage' })
@Index('IDX_questions_lineage', ['organizationId', 'lineageId'])
@Check('CHK_questions_type', oneOf('type', QUESTION_TYPES))
@Check('CHK_questions_follow_up_outcome', `"follow_up_outcome" IS NULL OR "type" = 'likert'`)
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  type: QuestionType;

  @Column({ type: 'text' })
  stem: string;

  @Column({ type: 'jsonb' })
  options: QuestionOption[];

  @Column({ name: 'correct_option_ids', type: 'jsonb' })
  correctOptionIds: string[];

  @Column({ type: 'text' })
  explanation: string;

  @Column({ type: 'integer', default: 1 })
  points: number;

  /** The follow-up outcome a Likert item measures (e.g. 1.3.1's "มีจิตสาธารณะ"); null for every other item. */
  @Column({ name: 'follow_up_outcome', type: 'text', nullable: true })
  followUpOutcome: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The first version's id; null on a first version. Editing a used question makes a new version. */
  @Column({ name: 'lineage_id', type: 'uuid', nullable: true })
  lineageId: string | null;

  /** Position in the bank, so tests list questions in the order they were written. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
