import { ENROLMENT_STATUSES } from '@sujarit/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { Person } from './person.entity';
import { TrainingSession } from './training-session.entity';

export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/**
 * A person in a session. One of the big tables: keyed by organization first, and tied to a session and a person of
 * its own organization by composite keys (docs/MULTITENANCY.md).
 */
@Entity({ name: 'enrolments' })
@Index('UQ_enrolments_session_person', ['organizationId', 'sessionId', 'personId'], { unique: true })
@Index('UQ_enrolments_session_check_in_code', ['organizationId', 'sessionId', 'checkInCode'], { unique: true })
// Reads by id or session that do not name the organization yet; plain indexes, which a distributed table may keep.
@Index('IDX_enrolments_id', ['id'])
@Index('IDX_enrolments_session', ['sessionId'])
@Index('IDX_enrolments_person', ['organizationId', 'personId'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_enrolments_organization', onDelete: 'CASCADE' })
@ForeignKey(() => TrainingSession, ['organizationId', 'sessionId'], ['organizationId', 'id'], { name: 'FK_enrolments_session', onDelete: 'CASCADE' })
@ForeignKey(() => Person, ['organizationId', 'personId'], ['organizationId', 'id'], { name: 'FK_enrolments_person', onDelete: 'CASCADE' })
@Check('CHK_enrolments_status', oneOf('status', ENROLMENT_STATUSES))
// The device cookie is scoped to one session's path and always looked up with it.
@Index('UQ_enrolments_device_token', ['organizationId', 'sessionId', 'deviceTokenHash'], { unique: true })
@Check('CHK_enrolments_check_in_code', `"check_in_code" ~ '^[0-9]{4}$'`)
export class Enrolment {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_enrolments' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_enrolments' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  // Its key is the composite one above, within the organization.
  @ManyToOne(() => Person, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'person_id', referencedColumnName: 'id' })
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
