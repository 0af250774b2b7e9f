import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant: one local administrative organization. Nothing crosses organizations. */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The full Thai name, e.g. องค์การบริหารส่วนตำบลพร่อน. */
  @Column({ type: 'text' })
  name: string;

  /** e.g. อบต.พร่อน */
  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** The executive who signs reports and certificates. */
  @Column({ name: 'signatory_name', type: 'text', nullable: true })
  signatoryName: string | null;

  @Column({ name: 'signatory_position', type: 'text', nullable: true })
  signatoryPosition: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
