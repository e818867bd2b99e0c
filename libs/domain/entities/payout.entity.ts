import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PayoutKind, PayoutStatus } from '../rules/lifecycle';
import { Collaboration } from './collaboration.entity';
import { minorUnits } from './columns';
import { User } from './user.entity';

/**
 * Money owed to a creator for a collaboration. The database itself refuses a payout approved by
 * the person who requested it (segregation of duties, docs/domain.md#roles) and a second payout with
 * the same idempotency key (the key the payout provider is called with, so a retry never pays twice).
 */
@Entity({ name: 'payouts' })
@Check('CHK_payouts_amount_positive', `"amountMinor" > 0`)
@Check('CHK_payouts_segregation_of_duties', `"approvedById" IS NULL OR "approvedById" <> "requestedById"`)
export class Payout extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration;

  @Column({ type: 'varchar', length: 10, default: PayoutKind.Fee })
  kind: PayoutKind;

  @Column({ type: 'bigint', transformer: minorUnits })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Index()
  @Column({ type: 'varchar', length: 20, default: PayoutStatus.Requested })
  status: PayoutStatus;

  @Column({ type: 'varchar', length: 60, nullable: true })
  invoiceNumber: string | null;

  /** Net-30 (or the contract's terms) from verified posting. */
  @Index()
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Index()
  @Column({ type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requestedById' })
  requestedBy?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approvedById' })
  approvedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  /** The payout provider's id for the transfer. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  providerReference: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
