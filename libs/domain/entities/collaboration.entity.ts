import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CollaborationStage } from '../rules/stages';
import { Campaign } from './campaign.entity';
import { minorUnits } from './columns';
import { Creator } from './creator.entity';
import { User } from './user.entity';

export interface UsageRights {
  channels?: string[];
  durationDays?: number;
  paidAmplification?: boolean;
  /** Set when the licence lapsed (the workflow's expiry timer). */
  expiredAt?: string;
}

export interface Exclusivity {
  category: string;
  start: string;
  end: string;
}

export interface PaymentTerms {
  /** Days after verified posting; docs/domain.md#the-collaboration-lifecycle default is net-30. */
  netDays: number;
  /** Share of the creator fee owed on cancellation after the contract, in basis points. */
  killFeeBps?: number;
}

/** The workflow's current deadlines, projected so the panel can show them without a query. */
export type DeadlinesSnapshot = Record<string, string>;

/** One creator on one campaign: the unit a collaboration workflow runs. */
@Entity({ name: 'collaborations' })
@Unique('UQ_collaborations_campaign_creator', ['campaignId', 'creatorId'])
@Unique('UQ_collaborations_request_key', ['requestKey'])
@Index('IDX_collaborations_updatedAt', ['updatedAt'])
@Index('IDX_collaborations_createdAt', ['createdAt'])
@Index('IDX_collaborations_stage_updatedAt', ['stage', 'updatedAt'])
@Index('IDX_collaborations_talentManager_updatedAt', ['talentManagerId', 'updatedAt'])
export class Collaboration extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The Idempotency-Key the collaboration was created with: a retried request finds it instead of collaboration twice. */
  @Column({ type: 'varchar', length: 128, nullable: true, select: false })
  requestKey?: string | null;

  @Index()
  @Column({ type: 'uuid' })
  campaignId: string;

  /** "<creator> · <campaign>", kept by the database (migration CollaborationTitle): how the panel names the booking. */
  @Index('IDX_collaborations_title')
  @Column({ type: 'text', default: '', insert: false, update: false })
  title: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Index()
  @Column({ type: 'uuid' })
  creatorId: string;

  @ManyToOne(() => Creator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creatorId' })
  creator?: Creator;

  @Index()
  @Column({ type: 'uuid' })
  talentManagerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'talentManagerId' })
  talentManager?: User;

  /** Written only by the workflow's projection activity. */
  @Index()
  @Column({ type: 'varchar', length: 20, default: CollaborationStage.Briefed })
  stage: CollaborationStage;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  brandPriceMinor: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  creatorFeeMinor: number | null;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'integer', nullable: true })
  marginBps: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  usageRights: UsageRights;

  @Column({ type: 'jsonb', nullable: true })
  exclusivity: Exclusivity | null;

  @Column({ type: 'jsonb', default: () => `'{"netDays": 30}'` })
  paymentTerms: PaymentTerms;

  @Column({ type: 'varchar', length: 100, nullable: true })
  workflowId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  deadlines: DeadlinesSnapshot;

  @Column({ type: 'timestamptz', nullable: true })
  briefAcknowledgedAt: Date | null;

  /** The campaign's brief changed after it was acknowledged; cleared by the fresh acknowledgement. */
  @Column({ type: 'timestamptz', nullable: true })
  briefChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
