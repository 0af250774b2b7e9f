import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Program } from './program.entity';

export type SessionStatus = 'draft' | 'scheduled' | 'open' | 'completed' | 'cancelled';

/** One meeting (รุ่น / ครั้งที่) of a program. */
@Entity({ name: 'training_sessions' })
@Index(['organizationId', 'programId', 'fiscalYear'])
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** Follows from startsAt on the Bangkok calendar; stored so indicators can filter by it. */
  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  venue: string;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'jsonb', default: [] })
  speakers: { name: string; affiliation: string }[];

  @Column({ type: 'text', default: '' })
  notes: string;

  /** Whether people not enrolled beforehand may register themselves by the join code. */
  @Column({ name: 'allow_walk_ins', type: 'boolean', default: true })
  allowWalkIns: boolean;

  /** People on the list check in from a phone with their name and the personal code printed beside it. */
  @Column({ name: 'require_check_in_code', type: 'boolean', default: false })
  requireCheckInCode: boolean;

  @Column({ type: 'text', default: 'scheduled' })
  status: SessionStatus;

  /** Public: trainees type it or reach it by QR code, so it is unique across organizations. */
  @Index({ unique: true })
  @Column({ name: 'join_code', type: 'text' })
  joinCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
