import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Audience } from '../rules/audience';
import { Money } from '../rules/money';
import { CreatorStatus, Platform } from '../rules/statuses';
import { User } from './user.entity';

export interface CreatorChannel {
  platform: Platform;
  handle: string;
  followers: number;
  avgViews?: number;
  /** Engagements per view (or per follower where views are unknown), 0..1. */
  engagementRate?: number;
}

export interface AvailabilityBlock {
  start: string;
  end: string;
  reason?: string;
}

export interface CreatorPreferences {
  refusedCategories?: string[];
  likedFormats?: string[];
}

@Entity({ name: 'creators' })
export class Creator extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  handle: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  /** The single point of contact (docs/domain.md#beyond-the-lifecycle, ownership). */
  @Index()
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: User;

  @Column({ type: 'varchar', length: 20, default: CreatorStatus.Active })
  status: CreatorStatus;

  @Column({ type: 'text', array: true, default: '{}' })
  niches: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  contentStyle: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  channels: CreatorChannel[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  audience: Audience;

  /** Rate card: deliverable type → fee. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  baseRates: Record<string, Money>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  preferences: CreatorPreferences;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  availabilityBlocks: AvailabilityBlock[];

  /**
   * A payout provider's token for the creator's bank details, never the details themselves:
   * raw account numbers do not enter this database.
   */
  @Column({ type: 'varchar', length: 120, nullable: true, select: false })
  payoutReference: string | null;

  /** The average of the creator's recorded satisfaction ratings (creator_ratings), derived, never typed in. */
  @Column({ type: 'numeric', precision: 3, scale: 1, nullable: true })
  satisfactionScore: string | null;

  /**
   * A computer-generated character rather than a person: ASCI asks such creators to tell their
   * audience so (docs/compliance.md#the-creator-india).
   */
  @Column({ type: 'boolean', default: false })
  isVirtual: boolean;

  /**
   * Professional qualifications as the creator states them ("MBBS", "SEBI Registered Investment
   * Adviser"): health and finance content in India must show one (ASCI's 2023 addendum).
   */
  @Column({ type: 'text', array: true, default: '{}' })
  qualifications: string[];

  /** When the creator last left the roster (status offboarded): roster churn counts it in that period. */
  @Column({ type: 'timestamptz', nullable: true })
  offboardedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
