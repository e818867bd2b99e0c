/** docs/domain.md#the-collaboration-lifecycle: one workflow per collaboration, addressable by the collaboration's id. */
export function collaborationWorkflowId(collaborationId: string): string {
  return `collaboration-${collaborationId}`;
}

/** One workflow per campaign, the parent of its collaborations' workflows. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

/** The reminder to record a creator's satisfaction rating, one per collaboration. */
export function satisfactionWorkflowId(collaborationId: string): string {
  return `satisfaction-${collaborationId}`;
}
