import { Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { JoinCode } from './join-code.entity';
import { Program } from './program.entity';

export type SessionStatus = 'draft' | 'scheduled' | 'open' | 'completed' | 'cancelled';

/** One meeting (รุ่น / ครั้งที่) of a program. */
@Entity({ name: 'training_sessions' })
@Index(['organizationId', 'programId', 'fiscalYear'])
// The code is unique in the organization here and across organizations in join_codes, which this row points at.
@Unique('UQ_training_sessions_join_code', ['organizationId', 'joinCode'])
@ForeignKey(() => JoinCode, ['organizationId', 'joinCode'], ['organizationId', 'code'], { name: 'FK_training_sessions_join_code' })
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

  /** Public: trainees type it or reach it by QR code, so it is unique across organizations (join_codes). */
  @Column({ name: 'join_code', type: 'text' })
  joinCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
