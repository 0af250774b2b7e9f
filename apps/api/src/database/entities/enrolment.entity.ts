import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';
import { TrainingSession } from './training-session.entity';

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'attended' | 'absent' | 'withdrawn';

/** A person in a session. */
@Entity({ name: 'enrolments' })
@Index(['sessionId', 'personId'], { unique: true })
@Index('UQ_enrolments_session_check_in_code', ['sessionId', 'checkInCode'], { unique: true })
// The device cookie is scoped to one session's path and always looked up with it.
@Index('UQ_enrolments_device_token', ['organizationId', 'sessionId', 'deviceTokenHash'], { unique: true })
@Check('CHK_enrolments_check_in_code', `"check_in_code" ~ '^[0-9]{4}$'`)
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
  @Column({ name: 'device_token_hash', type: 'text', nullable: true })
  deviceTokenHash: string | null;

  /**
   * The personal check-in code printed beside the name on the list: 4 digits, unique within the session, drawn
   * for every enrolment so a session can start asking for it at any time.
   */
  @Column({ name: 'check_in_code', type: 'text' })
  checkInCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
