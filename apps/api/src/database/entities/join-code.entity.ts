import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * A session's public join code, unique across the deployment, and the organization that holds it: the one global
 * lookup a phone makes before it knows whose data it reads. The session itself is keyed by (organization, code)
 * and points here, so tenant tables keep only keys that lead with the organization (docs/MULTITENANCY.md). A
 * deleted session's code stays taken: a printed QR code never leads into another session.
 */
@Entity({ name: 'join_codes' })
// What the session's composite foreign key points at: its code in its own organization.
@Unique('UQ_join_codes_organization_code', ['organizationId', 'code'])
export class JoinCode {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_join_codes' })
  code: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_join_codes_organization' })
  organization?: Organization;
}
