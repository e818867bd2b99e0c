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
