import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../libs/domain/rules/roles';
import type { SlaPolicy } from '../libs/domain/rules/sla';
import type { Terms, TermsParty } from '../libs/domain/rules/terms';
import type { CollaborationStage } from '../libs/domain/rules/stages';
import type { EscalationKind, EscalationResolution } from '../libs/domain/rules/escalations';
import type { DeliverableStatus } from '../libs/domain/rules/lifecycle';
import type { DisclosureFacts } from '../libs/domain/rules/disclosure-facts';

/**
 * Everything the API and the workflows say to each other. Both sides import these
 * definitions, so an update or query name cannot drift between them.
 * Inputs carry ids and roles, never names, e-mails or payout details: histories are plain text.
 */

export interface CollaborationInput {
  collaborationId: string;
  campaignId: string;
  creatorId: string;
  brandId: string;
  talentManagerId: string;
  sla: SlaPolicy;
  /** The campaign's currency and margin floor; absent in runs started before negotiation existed. */
  currency?: string;
  marginFloorBps?: number;
}

/** Who a reminder nudges: the booking's talent manager (default), the manager who approves, or finance. */
export type ReminderRecipient = 'talent_manager' | 'approver' | 'finance';

export interface Deadline {
  /** What lapses, e.g. "briefAckReminder". */
  name: string;
  stage: CollaborationStage;
  dueAt: string;
}

export interface OpenEscalation {
  escalationId: string;
  kind: EscalationKind;
  raisedAt: string;
  /** Set when it went up the team tree (re-escalation): who has it now. */
  assigneeId?: string;
}

export interface ResolvedEscalation extends OpenEscalation {
  resolution: EscalationResolution;
  reason: string;
  /** Absent when the system closed it (the awaited thing arrived, or the collaboration ended). */
  actor?: Actor;
  resolvedAt: string;
}

export interface HistoryEntry {
  at: string;
  /** e.g. "stage.entered", "brief.acknowledged", "reminder.sent", "escalation.raised". */
  event: string;
  stage: CollaborationStage;
  actor?: Actor;
  detail?: string;
}

export interface CollaborationState {
  collaborationId: string;
  stage: CollaborationStage;
  deadlines: Deadline[];
  openEscalations: OpenEscalation[];
  history: HistoryEntry[];
  resolvedEscalations: ResolvedEscalation[];
  briefAcknowledgedAt?: string;
  /**
   * Set when the campaign's brief changed after it was acknowledged, until the creator acknowledges
   * the new one (acknowledgeBrief again); drafts wait for it (docs/workflow-stages.md#brief-changes).
   */
  briefChangedAt?: string;
  /** The talent manager running the booking now, when the creator's owner changed while it ran. */
  talentManagerId?: string;
  /** Set once the collaboration has been dropped. */
  dropout?: { actor: Actor; reason: string; at: string };
  negotiation?: Negotiation;
  /** Requested on a dropout after execution: what the contract allows, in minor units. */
  killFeeMinor?: number;
  /** PAYOUT: the child workflow and where it stands (its own `payoutState` query has the detail). */
  payout?: { workflowId: string; status: string; paidAt?: string; providerReference?: string };
  /** When the usage licence and the exclusivity end, once their timers run from go-live. */
  licenceEnds?: { name: string; dueAt: string }[];
  /** MEASURING: the performance captures so far. */
  measurements?: { label: string; at: string; captured: number; withoutData: number }[];
  /** IN_PRODUCTION: each deliverable and its drafts. */
  deliverables?: DeliverableProgress[];
  /** The contracts sent for signature in CONTRACTING. */
  contracts?: ContractSigning[];
  /** Warnings and blocking conflicts found in CONFLICT_CHECK (or its re-check before contracting), in words. */
  conflicts?: { kind: string; severity: 'blocking' | 'warning'; message: string }[];
}

export interface Offer {
  party: TermsParty;
  terms: Terms;
  actor: Actor;
  at: string;
}

export interface Negotiation {
  /** Every offer in order; the last one is on the table. */
  offers: Offer[];
  agreed?: { terms: Terms; marginBps: number; floorBps: number; acceptedBy: Actor; at: string };
  /** Set when the agreed margin is below the floor, until a manager approves. */
  approvalNeeded?: boolean;
  approval?: { actor: Actor; reason: string; at: string };
  /**
   * Approvals by managers whose limit the exception exceeds (docs/domain.md#approval-limits): each
   * sent it up the team tree. Absent in runs from before approval limits.
   */
  endorsements?: { actor: Actor; reason: string; at: string }[];
  /** Whose approval is awaited now: a user id, or "admin" when nobody is above the last endorser. */
  approvalAwaitedFrom?: string;
}

export interface DraftVersion {
  version: number;
  compliant: boolean;
  /**
   * What is wrong and where, for the creator (compliance), when not compliant, each with the
   * guideline that says so (drafts checked before guidelines were cited have none).
   */
  violations: { rule: string; message: string; guideline?: string }[];
  decision?: 'approved' | 'changes_requested';
  feedback?: string;
  /** Accepted by a manager's decision on an escalation rather than reviewed. */
  acceptedAsIs?: boolean;
}

export interface DeliverableProgress {
  deliverableId: string;
  type: string;
  platform: string;
  draftDueAt: string;
  /** A deliverable the workflow tracks is past planning: every status but `planned`. */
  status: Exclude<DeliverableStatus, DeliverableStatus.Planned>;
  scheduledPostAt?: string;
  liveUrl?: string;
  verifiedAt?: string;
  /** Why the last reported post was not accepted (wrong platform, missing disclosure). */
  postProblems?: string[];
  revisionCount: number;
  maxRevisions: number;
  drafts: DraftVersion[];
}

/**
 * Submitting a draft. Besides the caption, how the content discloses as declared (format,
 * on-screen label, spoken disclosure, language, length: `DisclosureFacts`), all optional.
 */
export interface SubmitDraftInput extends DisclosureFacts {
  actor: Actor;
  deliverableId: string;
  assetUrl: string;
  caption: string;
  /** The platform's paid-partnership label is switched on for this post. */
  paidPartnershipLabel?: boolean;
}

export interface ReviewDraftInput {
  actor: Actor;
  deliverableId: string;
  version: number;
  decision: 'approve' | 'request_changes';
  feedback?: string;
}

/** Reporting a post live, with the same optional disclosure facts as a draft. */
export interface MarkPostedInput extends DisclosureFacts {
  actor: Actor;
  deliverableId: string;
  liveUrl: string;
  /** The caption as it appears on the live post. */
  caption: string;
  paidPartnershipLabel?: boolean;
  /**
   * When the post went live (ISO 8601), for the on-time delivery KPI; defaults to the time of
   * the report and may not be later than it.
   */
  postedAt?: string;
}

export interface ContractSigning {
  contractId: string;
  kind: string;
  /** SHA-256 of the frozen terms: a signature must name the same document. */
  documentHash: string;
  creatorSignedAt?: string;
  agencySignedAt?: string;
}

export interface RecordSignatureInput {
  actor: Actor;
  contractId: string;
  party: 'creator' | 'agency';
  documentHash: string;
}

export interface AcknowledgeBriefInput {
  actor: Actor;
}

/** The creator (through their talent manager) confirms they have read and accepted the brief. */
export const acknowledgeBriefUpdate = defineUpdate<CollaborationState, [AcknowledgeBriefInput]>('acknowledgeBrief');

/** The campaign's brief was edited (PATCH /campaigns/:id/brief): an acknowledged brief must be acknowledged again. */
export const briefChangedSignal = defineSignal<[{ actor: Actor }]>('briefChanged');

/** The creator was reassigned and this running booking moved to their new talent manager. */
export const talentManagerChangedSignal = defineSignal<[{ actor: Actor; talentManagerId: string }]>('talentManagerChanged');

export interface ResolveEscalationInput {
  actor: Actor;
  escalationId: string;
  resolution: EscalationResolution;
  /** Why, in the manager's words: kept in the audit log. */
  reason: string;
  /** With EXTEND: how much more time, e.g. "24h". */
  extendBy?: string;
}

/** A manager's decision on one of the collaboration's open escalations. */
export const resolveEscalationUpdate = defineUpdate<CollaborationState, [ResolveEscalationInput]>('resolveEscalation');

export interface DropOutInput {
  actor: Actor;
  reason: string;
}

/** The creator leaves the collaboration, at any stage: pending waits end and compensation runs. */
export const dropOutUpdate = defineUpdate<CollaborationState, [DropOutInput]>('dropOut');

export interface TermsInput {
  actor: Actor;
  terms: Terms;
}

/** The agency puts terms to the creator (recorded by the talent manager). */
export const proposeTermsUpdate = defineUpdate<CollaborationState, [TermsInput]>('proposeTerms');
/** The creator's counter-offer, as the talent manager received it. */
export const counterOfferUpdate = defineUpdate<CollaborationState, [TermsInput]>('counterOffer');
/** The other side accepts the offer on the table. */
export const acceptTermsUpdate = defineUpdate<CollaborationState, [{ actor: Actor }]>('acceptTerms');
/** A manager who is not the collaboration's talent manager approves a margin below the campaign floor. */
export const approveCommercialsUpdate = defineUpdate<CollaborationState, [{ actor: Actor; reason: string }]>('approveCommercials');

/** A signature on one of the collaboration's contracts: the creator's first, then the agency's. */
export const recordSignatureUpdate = defineUpdate<CollaborationState, [RecordSignatureInput]>('recordSignature');

/** The creator's draft of a deliverable (submitted by the talent manager); checked for compliance first. */
export const submitDraftUpdate = defineUpdate<CollaborationState, [SubmitDraftInput]>('submitDraft');
/** The brand's review (a manager when the brand delegates): approve, or request changes with feedback. */
export const reviewDraftUpdate = defineUpdate<CollaborationState, [ReviewDraftInput]>('reviewDraft');

/** The talent manager reports a deliverable live; the workflow verifies the post. */
export const markPostedUpdate = defineUpdate<CollaborationState, [MarkPostedInput]>('markPosted');

/** Stage, deadlines, open escalations and history of one collaboration. */
export const stateQuery = defineQuery<CollaborationState>('state');
