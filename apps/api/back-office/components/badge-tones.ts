import { EscalationSeverity, EscalationStatus } from '../../../../libs/domain/rules/escalations';
import { ContractStatus, DeliverableStatus, DraftDecision, PayoutStatus } from '../../../../libs/domain/rules/lifecycle';
import { CollaborationStage } from '../../../../libs/domain/rules/stages';
import { CampaignStatus, CreatorStatus } from '../../../../libs/domain/rules/statuses';

/**
 * What a stage or status means to the person scanning a list, as a colour: done and good
 * (success), moving along (progress), waiting on someone (attention), gone wrong (problem), or
 * no longer in play (inactive). Each table is typed by its enum, so a new value without a tone
 * does not compile. Plain data: the badge component (badge.tsx) and its unit test import it.
 */
export type Tone = 'success' | 'progress' | 'attention' | 'problem' | 'inactive';

/** Background and text colours of each tone; text contrast ≥ 4.5:1 (WCAG AA) on its background. */
export const TONE_COLOURS: Readonly<Record<Tone, { background: string; text: string }>> = {
  success: { background: '#1E7A4F', text: '#FFFFFF' },
  progress: { background: '#2F52C9', text: '#FFFFFF' },
  attention: { background: '#9A5B00', text: '#FFFFFF' },
  problem: { background: '#B3261E', text: '#FFFFFF' },
  inactive: { background: '#5F6270', text: '#FFFFFF' },
};

const STAGE: Record<CollaborationStage, Tone> = {
  BRIEFED: 'attention',
  CONFLICT_CHECK: 'progress',
  NEGOTIATING: 'progress',
  CONTRACTING: 'progress',
  IN_PRODUCTION: 'progress',
  POSTING: 'progress',
  MEASURING: 'progress',
  PAYOUT: 'attention',
  COMPLETED: 'success',
  DROPPED: 'problem',
  CANCELLED: 'inactive',
};

const DELIVERABLE: Record<DeliverableStatus, Tone> = {
  planned: 'inactive',
  drafting: 'progress',
  in_review: 'attention',
  changes_requested: 'attention',
  approved: 'progress',
  posted: 'progress',
  verified: 'success',
  cancelled: 'inactive',
};

const PAYOUT: Record<PayoutStatus, Tone> = {
  requested: 'attention',
  invoiced: 'attention',
  approved: 'progress',
  scheduled: 'progress',
  paid: 'success',
  failed: 'problem',
  cancelled: 'inactive',
};

const CONTRACT: Record<ContractStatus, Tone> = {
  draft: 'inactive',
  sent: 'attention',
  signed_by_creator: 'progress',
  executed: 'success',
  void: 'inactive',
};

const ESCALATION: Record<EscalationStatus, Tone> = { open: 'problem', acknowledged: 'attention', resolved: 'success' };
const SEVERITY: Record<EscalationSeverity, Tone> = { high: 'problem', medium: 'attention', low: 'inactive' };
const CAMPAIGN: Record<CampaignStatus, Tone> = { draft: 'inactive', active: 'progress', completed: 'success', cancelled: 'inactive' };
const CREATOR: Record<CreatorStatus, Tone> = { active: 'success', paused: 'attention', offboarded: 'inactive' };
const DRAFT_DECISION: Record<DraftDecision, Tone> = { approved: 'success', changes_requested: 'attention' };

export const BADGE_TONES = {
  stage: STAGE,
  deliverable: DELIVERABLE,
  payout: PAYOUT,
  contract: CONTRACT,
  escalation: ESCALATION,
  severity: SEVERITY,
  campaign: CAMPAIGN,
  creator: CREATOR,
  draftDecision: DRAFT_DECISION,
} as const;

export type BadgeKind = keyof typeof BADGE_TONES;

/** The tone of `value` in its table; an unknown value (an old row) is shown, greyed. */
export function toneOf(kind: BadgeKind, value: unknown): Tone {
  return (BADGE_TONES[kind] as Readonly<Record<string, Tone>>)[String(value)] ?? 'inactive';
}

/** "IN_PRODUCTION", "changes_requested" → "In production", "Changes requested". */
export function badgeText(value: unknown): string {
  const words = String(value ?? '').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
