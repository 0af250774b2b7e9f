import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../people/person.entity';
import { TrainingSession } from '../sessions/training-session.entity';

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'attended' | 'absent' | 'withdrawn';

/** A person in a session. */
@Entity({ name: 'enrolments' })
@Index(['sessionId', 'personId'], { unique: true })
export class Enrolment {
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

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  status: EnrolmentStatus;

  /** When the person joined the waitlist: the earliest is promoted first. */
  @Column({ name: 'waitlisted_at', type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** SHA-256 of the token in the trainee's cookie: the device that joined is remembered for the session. */
  @Index({ unique: true })
  @Column({ name: 'device_token_hash', type: 'text', nullable: true })
  deviceTokenHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
