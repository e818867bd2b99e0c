import { getExternalWorkflowHandle, isCancellation, setHandler, workflowInfo } from '@temporalio/workflow';
import { CollaborationLifecycle } from './collaboration-lifecycle';
import { bookingEndedSignal } from './campaign-messages';
import { stateQuery, type CollaborationInput, type CollaborationState } from './messages';
import { briefed, handleBriefAcknowledgement } from './stages/briefed';
import { conflictCheck } from './stages/conflict-check';
import { compensateDropout, handleCampaignCancellation, handleDropOut } from './stages/dropout';
import { handleEscalationDecisions } from './stages/escalation-decisions';
import { contracting, handleSignatures } from './stages/contracting';
import { handleProduction, inProduction } from './stages/in-production';
import { completed, licenceTimers, licenceTimersAtGoLive, payout } from './stages/payout';
import { handlePayoutEscalations } from './stages/payout-escalations';
import { handlePosting, measuring, posting } from './stages/posting';
import { handleNegotiation, negotiating } from './stages/negotiating';
import { handleRecordChanges } from './stages/record-changes';

/** One creator booked on one campaign, from brief to payout (docs/domain.md#the-collaboration-lifecycle). Id: collaboration-<id>. */
export async function collaborationWorkflow(input: CollaborationInput): Promise<CollaborationState> {
  const collaboration = new CollaborationLifecycle(input);
  setHandler(stateQuery, () => collaboration.state);
  handleBriefAcknowledgement(collaboration);
  handleEscalationDecisions(collaboration);
  handleNegotiation(collaboration);
  handleSignatures(collaboration);
  handleProduction(collaboration);
  handlePosting(collaboration);
  handleDropOut(collaboration);
  handleCampaignCancellation(collaboration);
  handleRecordChanges(collaboration);
  handlePayoutEscalations(collaboration);

  try {
    await collaboration.runLifecycle(async () => {
      await briefed(collaboration);
      await conflictCheck(collaboration);
      await negotiating(collaboration);
      await contracting(collaboration);
      await inProduction(collaboration);
      await posting(collaboration);
      const licences = licenceTimersAtGoLive(collaboration);
      await measuring(collaboration);
      await payout(collaboration);
      await licenceTimers(collaboration, licences);
      await completed(collaboration);
    });
  } catch (error) {
    if (!(collaboration.dropRequest && isCancellation(error))) throw error;
    await compensateDropout(collaboration);
  }
  await tellCampaign(collaboration);
  return collaboration.state;
}

/**
 * A collaboration started by its campaign's workflow tells it how it ended. Addressed by workflow id
 * so the campaign's current run hears it after a continue-as-new. Collaborations started on their own
 * (before campaigns had workflows) have no parent and tell no one, as before.
 */
async function tellCampaign(collaboration: CollaborationLifecycle): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(bookingEndedSignal, { collaborationId: collaboration.input.collaborationId, outcome: collaboration.stage });
  } catch {
    // The campaign's workflow is gone (terminated by an operator): nothing is waiting to hear.
  }
}
