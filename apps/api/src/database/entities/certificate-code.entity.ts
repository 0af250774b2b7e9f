import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * A certificate's verification code, unique across the deployment, and the organization that issued it: the public
 * verification page knows only the code, so it finds the organization here first (like `join_codes`), and the
 * certificate itself is keyed by (organization, code) and points here (docs/MULTITENANCY.md).
 */
@Entity({ name: 'certificate_codes' })
@Unique('UQ_certificate_codes_organization_code', ['organizationId', 'code'])
export class CertificateCode {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_certificate_codes' })
  code: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_certificate_codes_organization' })
  organization?: Organization;
}
