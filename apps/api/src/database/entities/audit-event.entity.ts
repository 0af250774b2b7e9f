import { AUDIT_ACTIONS, type AuditAction, type AuditChange } from '@sujarit/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** One line of the audit log. Append-only: the database refuses to update or delete it. */
@Entity({ name: 'audit_events' })
@Check('CHK_audit_events_action', `"action" IN (${AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ')})`)
@Index('IDX_audit_events_organization_id', ['organizationId', 'id'])
// The subject's type is the action's first word (program.created → program), as AuditService writes it.
@Check('CHK_audit_events_subject_type', `"subject_type" = split_part("action", '.', 1)`)
export class AuditEvent {
  /** Increasing, so the log reads in the order things happened even within one instant. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_audit_events_organization' })
  organization?: Organization;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  action: AuditAction;

  /** Null for the operator's command line or the system. No foreign key: the log outlives what it names. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor's name as it was then. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId: string | null;

  /** A code or title a person recognizes (never a trainee's name). */
  @Column({ name: 'subject_label', type: 'text', nullable: true })
  subjectLabel: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, AuditChange>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, string | number | boolean | null>;
}
