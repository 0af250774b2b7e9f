import { CERTIFICATE_REVOCATION_CAUSES, type CertificateRevocationCause } from '@sujarit/contracts';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateCode } from './certificate-code.entity';
import { oneOf } from './checks';
import { Organization } from './organization.entity';
import { Person } from './person.entity';
import { TrainingSession } from './training-session.entity';

/**
 * A certificate (เกียรติบัตร) issued to a person for a session they completed: one per person and session, with a
 * verification code that cannot be guessed. It is revoked, never deleted: by an organizer (with a reason), when the
 * person is erased, or when their enrolment is withdrawn.
 */
@Entity({ name: 'certificates' })
@Index('UQ_certificates_session_person', ['organizationId', 'sessionId', 'personId'], { unique: true })
@Index('UQ_certificates_code', ['organizationId', 'code'], { unique: true })
@Index('IDX_certificates_person', ['organizationId', 'personId'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_certificates_organization', onDelete: 'CASCADE' })
@ForeignKey(() => TrainingSession, ['organizationId', 'sessionId'], ['organizationId', 'id'], { name: 'FK_certificates_session', onDelete: 'CASCADE' })
@ForeignKey(() => Person, ['organizationId', 'personId'], ['organizationId', 'id'], { name: 'FK_certificates_person', onDelete: 'CASCADE' })
@ForeignKey(() => CertificateCode, ['organizationId', 'code'], ['organizationId', 'code'], { name: 'FK_certificates_code' })
@Check('CHK_certificates_revocation_cause', oneOf('revocation_cause', CERTIFICATE_REVOCATION_CAUSES))
@Check('CHK_certificates_revoked', `("revoked_at" IS NULL) = ("revocation_cause" IS NULL)`)
export class Certificate {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_certificates' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_certificates' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_cause', type: 'text', nullable: true })
  revocationCause: CertificateRevocationCause | null;

  /** The organizer's reason for a withdrawal (never shown on the public page). */
  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;
}
