/**
 * Statuses and kinds of the lifecycle records (docs/domain.md#records: deliverables, drafts, contracts,
 * exclusivity, payouts, performance, targets). Stored as their string values in varchar columns.
 */

export enum DeliverableStatus {
  Planned = 'planned',
  Drafting = 'drafting',
  InReview = 'in_review',
  ChangesRequested = 'changes_requested',
  Approved = 'approved',
  Posted = 'posted',
  Verified = 'verified',
  Cancelled = 'cancelled',
}

/** docs/domain.md#the-collaboration-lifecycle: two revision rounds are included unless the contract says otherwise. */
export const DEFAULT_MAX_REVISIONS = 2;

/** A reviewer's decision on a draft; a draft not yet reviewed has none (null). */
export enum DraftDecision {
  Approved = 'approved',
  ChangesRequested = 'changes_requested',
}

export enum ContractKind {
  CampaignAgreement = 'campaign_agreement',
  Nda = 'nda',
  ExclusivityAddendum = 'exclusivity_addendum',
}

export enum ContractStatus {
  Draft = 'draft',
  Sent = 'sent',
  SignedByCreator = 'signed_by_creator',
  Executed = 'executed',
  Void = 'void',
}

export enum PayoutStatus {
  Requested = 'requested',
  Invoiced = 'invoiced',
  Approved = 'approved',
  Scheduled = 'scheduled',
  Paid = 'paid',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

/** The agreed fee, or the kill fee the contract allows when a collaboration is dropped or cancelled. */
export enum PayoutKind {
  Fee = 'fee',
  KillFee = 'kill_fee',
}

/**
 * `+1d` and `+7d` are captured by the workflow's timers (at most one each per deliverable);
 * `manual` numbers are entered any time; `imported` ones come from a post-performance import,
 * one per deliverable and reading time (docs/imports.md#post-performance).
 */
export enum SnapshotLabel {
  OneDay = '+1d',
  SevenDays = '+7d',
  Manual = 'manual',
  Imported = 'imported',
}

export const TIMER_SNAPSHOT_LABELS: readonly SnapshotLabel[] = [SnapshotLabel.OneDay, SnapshotLabel.SevenDays];

export enum SnapshotSource {
  OpsEntry = 'ops_entry',
  Import = 'import',
  Api = 'api',
  /** A timer capture that found no numbers: every figure is null, and the talent manager is asked for them. */
  NoData = 'no_data',
}

export enum TargetPeriod {
  Month = 'month',
  Quarter = 'quarter',
}

/**
 * The team KPIs a target can be set for (docs/metrics.md#team-kpis; libs/domain/rules/kpis.ts).
 * Rates and shares are fractions (0.95), satisfaction a 1–5 mean, escalations a number per
 * collaboration, rework revision rounds per deliverable, money minor units.
 */
export enum TargetMetric {
  Nmv = 'nmv',
  NmvGrowth = 'nmv_growth',
  OnTimeDeliveryRate = 'on_time_delivery_rate',
  CreatorRetention = 'creator_retention',
  RosterChurn = 'roster_churn',
  Satisfaction = 'satisfaction',
  Revenue = 'revenue',
  Margin = 'margin',
  Escalations = 'escalations',
  ResolvedLateShare = 'resolved_late_share',
  ReworkRate = 'rework_rate',
  RepeatCollaborations = 'repeat_collaborations',
}

/** Metrics whose target value is an amount in minor units, so the target carries a currency. */
export const MONEY_TARGET_METRICS: readonly TargetMetric[] = [TargetMetric.Nmv, TargetMetric.Revenue, TargetMetric.Margin];
