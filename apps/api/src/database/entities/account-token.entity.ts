import type { AccountLinkPurpose } from '@sujarit/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/**
 * The secret of a one-time link (an invitation or a password reset). Only its SHA-256 is stored, so the link
 * shown once to the admin cannot be shown again; it expires, and `used_at` is set by the one use that wins.
 */
@Entity({ name: 'account_tokens' })
@Check('CHK_account_tokens_purpose', `"purpose" IN ('invite', 'reset')`)
@ForeignKey(() => User, ['organizationId', 'userId'], ['organizationId', 'id'], { name: 'FK_account_tokens_user', onDelete: 'CASCADE' })
@ForeignKey(() => User, ['organizationId', 'createdBy'], ['organizationId', 'id'], { name: 'FK_account_tokens_created_by' })
@Index('IDX_account_tokens_user_id', ['userId'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_account_tokens_organization' })
  organization?: Organization;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: AccountLinkPurpose;

  @Index('IDX_account_tokens_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Set when a newer link for the same user replaced it, or the user was deactivated. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The admin who issued it; null when issued by the operator or the first-run set-up. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
