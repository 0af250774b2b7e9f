import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';
import { numericTransformer } from '../../common/numeric.transformer';
import { TrainingSession } from './training-session.entity';

/** Money spent on a session (food, speakers, materials), counted against the program's yearly budget. */
@Entity({ name: 'session_expenses' })
@ForeignKey(() => Organization, ['organizationId'], ['id'], { name: 'FK_session_expenses_organization', onDelete: 'CASCADE' })
@ForeignKey(() => TrainingSession, ['organizationId', 'sessionId'], ['organizationId', 'id'], { name: 'FK_session_expenses_session', onDelete: 'CASCADE' })
export class SessionExpense {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index()
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ type: 'text' })
  item: string;

  @Column({ name: 'amount_baht', type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amountBaht: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
