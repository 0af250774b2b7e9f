import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organization } from './organization.entity';

/** One training of the plan (โครงการ), e.g. 1.1.1 law and regulation. Codes are unique in the organization, archived ones included. */
@Entity({ name: 'programs' })
@Index(['organizationId', 'code'], { unique: true })
// What rows of the program point at with their own organization: (organization_id, program_id).
@Unique('UQ_programs_organization_id_id', ['organizationId', 'id'])
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** The target group (กลุ่มเป้าหมาย). */
  @Column({ type: 'text' })
  audience: string;

  /** The unit that owns the program; each year keeps its own (program_years.owner_unit). */
  @Column({ name: 'owner_unit', type: 'text' })
  ownerUnit: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** วัตถุประสงค์, one a line, as the program's report prints them. */
  @Column({ type: 'text', default: '' })
  objectives: string;

  /** Set when an organizer archives the program: it leaves the lists, keeps its data, and can be restored. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
