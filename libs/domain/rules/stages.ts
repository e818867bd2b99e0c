/** The collaboration stage machine, docs/domain.md#the-collaboration-lifecycle, in order. */
export enum CollaborationStage {
  Briefed = 'BRIEFED',
  ConflictCheck = 'CONFLICT_CHECK',
  Negotiating = 'NEGOTIATING',
  Contracting = 'CONTRACTING',
  InProduction = 'IN_PRODUCTION',
  Posting = 'POSTING',
  Measuring = 'MEASURING',
  Payout = 'PAYOUT',
  Completed = 'COMPLETED',
  Dropped = 'DROPPED',
  Cancelled = 'CANCELLED',
}

export const COLLABORATION_STAGES: readonly CollaborationStage[] = Object.values(CollaborationStage);

export const TERMINAL_STAGES: readonly CollaborationStage[] = [
  CollaborationStage.Completed,
  CollaborationStage.Dropped,
  CollaborationStage.Cancelled,
];

export function isTerminal(stage: CollaborationStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/**
 * Stages in which a change to the campaign's brief asks for a fresh acknowledgement
 * (docs/workflow-stages.md#brief-changes): the brief was acknowledged and no content is final
 * yet. From POSTING on, the approved drafts are what goes live; an edit no longer reaches them.
 */
export const BRIEF_REACKNOWLEDGEMENT_STAGES: readonly CollaborationStage[] = [
  CollaborationStage.Briefed,
  CollaborationStage.ConflictCheck,
  CollaborationStage.Negotiating,
  CollaborationStage.Contracting,
  CollaborationStage.InProduction,
];
