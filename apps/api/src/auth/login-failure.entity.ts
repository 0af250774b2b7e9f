import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, kept 15 minutes to slow down password guessing. Only hashes: no email, no address. */
@Entity({ name: 'login_failures' })
@Index('IDX_login_failures_key_time', ['attemptKey', 'failedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** SHA-256 of the email (lower case) and the client's address. */
  @Column({ name: 'attempt_key', type: 'text' })
  attemptKey: string;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;
}
