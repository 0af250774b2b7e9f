import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A counter of tries for one key (say, sign-ins for one email from one address) within a fixed window that
 * starts at its first counted try. Keys are SHA-256 hashes: no email or address is stored.
 */
@Entity({ name: 'throttle_buckets' })
@Check('CHK_throttle_buckets_hits', '"hits" >= 0')
export class ThrottleBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  /** When the window ends and the bucket may be forgotten. */
  @Index('IDX_throttle_buckets_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'integer' })
  hits: number;
}
