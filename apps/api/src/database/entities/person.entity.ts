import { AGE_BANDS, PERSON_GROUPS, type AgeBand, type PersonGroup } from '@sujarit/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from './checks';
import { Organization } from './organization.entity';

/**
 * A trainee. Only what the trainings need (PDPA): no national ID, no birth date, no address.
 * On erasure the details are cleared and only the row remains, so attempts count anonymously.
 */
@Entity({ name: 'people' })
@Index(['organizationId', 'nameKey', 'group', 'village'])
// What an enrolment points at with its own organization: (organization_id, person_id).
@Unique('UQ_people_organization_id_id', ['organizationId', 'id'])
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_people_organization', onDelete: 'CASCADE' })
@Check('CHK_people_person_group', oneOf('person_group', PERSON_GROUPS))
@Check('CHK_people_age_band', oneOf('age_band', AGE_BANDS))
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** thaiNameKey(fullName): how duplicates and self check-in match names. */
  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  @Column({ name: 'person_group', type: 'text' })
  group: PersonGroup;

  /** หมู่ที่ */
  @Column({ type: 'smallint', nullable: true })
  village: number | null;

  @Column({ type: 'text', nullable: true })
  school: string | null;

  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'guardian_name', type: 'text', nullable: true })
  guardianName: string | null;

  @Column({ name: 'guardian_consent_recorded_at', type: 'timestamptz', nullable: true })
  guardianConsentRecordedAt: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
