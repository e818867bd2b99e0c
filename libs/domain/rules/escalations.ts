/** One kind per lapse in the docs/domain.md#the-collaboration-lifecycle table, plus the dropout alert with its shortlist. */
export enum EscalationKind {
  BriefAckOverdue = 'BRIEF_ACK_OVERDUE',
  Conflict = 'CONFLICT',
  NegotiationStalled = 'NEGOTIATION_STALLED',
  /** Agreed terms below the margin floor still wait for a manager's approval. */
  CommercialsApprovalOverdue = 'COMMERCIALS_APPROVAL_OVERDUE',
  ContractUnsigned = 'CONTRACT_UNSIGNED',
  DraftOverdue = 'DRAFT_OVERDUE',
  ReviewOverdue = 'REVIEW_OVERDUE',
  RevisionLimit = 'REVISION_LIMIT',
  PostingMissed = 'POSTING_MISSED',
  PayoutOverdue = 'PAYOUT_OVERDUE',
  /** A payout is due but its creator has no payout details (token) to pay: finance adds them. */
  PayoutDetailsMissing = 'PAYOUT_DETAILS_MISSING',
  CreatorDropped = 'CREATOR_DROPPED',
}

export enum EscalationSeverity {
  Low = 'low',
  Medium = 'medium',
  High = 'high',
}

export enum EscalationStatus {
  Open = 'open',
  Acknowledged = 'acknowledged',
  Resolved = 'resolved',
}

/** What a manager decides about an escalation, and what the system records when it closes one itself. */
export enum EscalationResolution {
  /** Give more time: the deadline moves by the given duration. */
  Extend = 'EXTEND',
  /** Go ahead despite the problem (a conflict the manager accepts), with a reason. */
  Override = 'OVERRIDE',
  /** End the collaboration: the creator is dropped, with compensation. */
  Drop = 'DROP',
  /** Accept things as they are. */
  Accept = 'ACCEPT',
  /** Closed by the system: what was overdue arrived after all. */
  ResolvedLate = 'RESOLVED_LATE',
  /** Closed by the system: the collaboration ended, so the question is moot. */
  BookingEnded = 'BOOKING_ENDED',
}

/** The choices a manager has for each kind (docs/domain.md#the-collaboration-lifecycle, "on lapse"). */
export const RESOLUTIONS_BY_KIND: Readonly<Record<EscalationKind, readonly EscalationResolution[]>> = Object.freeze({
  [EscalationKind.BriefAckOverdue]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.Conflict]: [EscalationResolution.Override, EscalationResolution.Drop],
  [EscalationKind.NegotiationStalled]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.CommercialsApprovalOverdue]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.ContractUnsigned]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.DraftOverdue]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.ReviewOverdue]: [EscalationResolution.Extend, EscalationResolution.Accept],
  [EscalationKind.RevisionLimit]: [EscalationResolution.Extend, EscalationResolution.Accept],
  [EscalationKind.PostingMissed]: [EscalationResolution.Extend, EscalationResolution.Drop],
  [EscalationKind.PayoutOverdue]: [EscalationResolution.Accept],
  // Closes itself once the details are added and the payout is paid.
  [EscalationKind.PayoutDetailsMissing]: [EscalationResolution.Accept],
  [EscalationKind.CreatorDropped]: [EscalationResolution.Accept],
});

/** Null when the choice is allowed; otherwise why not, in words a manager understands. */
export function resolutionProblem(kind: EscalationKind, resolution: EscalationResolution): string | null {
  const allowed = RESOLUTIONS_BY_KIND[kind] ?? [];
  if (allowed.includes(resolution)) return null;
  return `A ${kind} escalation can be resolved with ${allowed.join(' or ')}, not ${resolution}`;
}
