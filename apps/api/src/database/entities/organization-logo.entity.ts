import type { LOGO_MEDIA_TYPES } from '@sujarit/contracts';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** The organization's logo, apart from its row so that signing in never loads the image. */
@Entity({ name: 'organization_logos' })
@Check('CHK_organization_logos_media_type', `"media_type" IN ('image/png', 'image/jpeg')`)
export class OrganizationLogo {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_organization_logos_organization' })
  organization?: Organization;

  @Column({ name: 'media_type', type: 'text' })
  mediaType: (typeof LOGO_MEDIA_TYPES)[number];

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
