import type { QuestionType } from '@sujarit/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

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
