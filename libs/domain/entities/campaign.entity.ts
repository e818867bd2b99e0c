import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Audience } from '../rules/audience';
import { DEFAULT_MARGIN_FLOOR_BPS } from '../rules/margin';
import { SlaPolicyOverrides } from '../rules/sla';
import type { CampaignSummary } from '../rules/campaign-summary';
import { CampaignStatus } from '../rules/statuses';
import { DraftReviewer } from '../rules/portal-links';
import { Brand } from './brand.entity';
import { minorUnits } from './columns';
import { User } from './user.entity';

export interface CampaignBrief {
  keyMessages?: string[];
  dos?: string[];
  donts?: string[];
  deliverableSpecs?: string[];
  disclosureRequirements?: string[];
  requiresNda?: boolean;
}

/** Disclosure rule set that applies (docs/compliance.md): India's ASCI, the US FTC or the UK's CAP/CMA. */
export enum Market {
  India = 'IN',
  UnitedStates = 'US',
  UnitedKingdom = 'GB',
}

@Entity({ name: 'campaigns' })
@Check('CHK_campaigns_draft_reviewer', `"draftReviewer" IN ('manager', 'brand')`)
@Check('CHK_campaigns_fee_range', `"creatorFeeMinMinor" IS NULL OR "creatorFeeMaxMinor" IS NULL OR "creatorFeeMinMinor" <= "creatorFeeMaxMinor"`)
export class Campaign extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brandId' })
  brand?: Brand;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  objective: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  brief: CampaignBrief;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  targetAudience: Audience;

  /** Niches the brief wants (docs/metrics.md#creator-recommendations, niche fit); empty: any. */
  @Column({ type: 'text', array: true, default: '{}' })
  targetNiches: string[];

  /** Platforms the brief posts on; a creator with no channel on any of them is not a candidate. Empty: any. */
  @Column({ type: 'text', array: true, default: '{}' })
  targetPlatforms: string[];

  /** Deliverable types asked of each creator (reel, story…), priced against the creator's rate card. */
  @Column({ type: 'text', array: true, default: '{}' })
  deliverableTypes: string[];

  /** Per-creator fee range in the campaign currency (minor units); either end may be open. */
  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  creatorFeeMinMinor: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  creatorFeeMaxMinor: number | null;

  /** Topics the brand will not sit beside (gambling, alcohol…): a creator whose niches or content style name one is excluded. */
  @Column({ type: 'text', array: true, default: '{}' })
  brandSafetyExclusions: string[];

  @Column({ type: 'varchar', length: 2, default: Market.India })
  market: Market;

  @Column({ type: 'bigint', transformer: minorUnits })
  budgetMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'integer', default: DEFAULT_MARGIN_FLOOR_BPS })
  marginFloorBps: number;

  /** Per-campaign SLA durations ("36h", "5d"), applied over the defaults when a collaboration starts. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  slaOverrides: SlaPolicyOverrides;

  @Index()
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: User;

  @Column({ type: 'varchar', length: 20, default: CampaignStatus.Active })
  status: CampaignStatus;

  /** Who reviews drafts: an internal manager in the panel, or the brand's contact through a review link (docs/portal.md). */
  @Column({ type: 'varchar', length: 10, default: DraftReviewer.Manager })
  draftReviewer: DraftReviewer;

  @Column({ type: 'varchar', length: 100, nullable: true })
  workflowId: string | null;

  /** Recorded by the campaign workflow when the campaign ends (completed or cancelled). */
  @Column({ type: 'jsonb', nullable: true })
  summary: CampaignSummary | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
