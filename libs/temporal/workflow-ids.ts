/** docs/domain.md#the-collaboration-lifecycle: one workflow per booking, addressable by the collaboration's id. */
export function collaborationWorkflowId(collaborationId: string): string {
  return `collaboration-${collaborationId}`;
}

/** One workflow per campaign, the parent of its bookings' workflows. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}
