import type { Role } from '@sujarit/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organization } from './organization.entity';

@Entity({ name: 'users' })
@Check('CHK_users_role', `"role" IN ('admin', 'organizer', 'manager')`)
@Check('CHK_users_email_lower_case', `"email" = lower("email")`)
// Lets rows of other tables point at a user of their own organization: (organization_id, user_id).
@Unique('UQ_users_organization_id_id', ['organizationId', 'id'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Stored lower-case; unique across the deployment since it is the login name. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  /** The unit (กอง/สำนัก) the person works in. */
  @Column({ type: 'text', nullable: true })
  unit: string | null;

  /** Null until an invited user sets a password through their link. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The API refuses everything but changing the password and signing out until it is changed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** A deactivated user cannot sign in; their sessions ended when this was set. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
