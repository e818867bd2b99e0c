import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collaboration } from './collaboration.entity';
import { UnderperformerFlag } from './underperformer-flag.entity';

/**
 * A risk on a running booking, kept beside it rather than in its workflow (whose history would
 * change): `UNDERPERFORMING` while its creator carries an open underperformer flag and the
 * campaign is live. Cleared (clearedAt) when the flag clears.
 */
@Entity({ name: 'booking_risk_flags' })
@Index('UQ_booking_risk_flags_flag', ['collaborationId', 'sourceFlagId'], { unique: true })
export class BookingRiskFlag extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration;

  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ type: 'uuid' })
  sourceFlagId: string;

  @ManyToOne(() => UnderperformerFlag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sourceFlagId' })
  sourceFlag?: UnderperformerFlag;

  @Column({ type: 'text' })
  detail: string;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}
