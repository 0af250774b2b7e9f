import type { AgeBand, PersonGroup } from '@sujarit/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A trainee. Only what the trainings need (PDPA): no national ID, no birth date, no address.
 * On erasure the details are cleared and only the row remains, so attempts count anonymously.
 */
@Entity({ name: 'people' })
@Index(['organizationId', 'nameKey', 'group', 'village'])
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
