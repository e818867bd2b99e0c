import { getExternalWorkflowHandle, isCancellation, setHandler, workflowInfo } from '@temporalio/workflow';
import { Booking } from './booking';
import { bookingEndedSignal } from './campaign-messages';
import { stateQuery, type CollaborationInput, type CollaborationState } from './messages';
import { briefed, handleBriefAcknowledgement } from './stages/briefed';
import { conflictCheck } from './stages/conflict-check';
import { compensateDropout, handleCampaignCancellation, handleDropOut } from './stages/dropout';
import { handleEscalationDecisions } from './stages/escalation-decisions';
import { contracting, handleSignatures } from './stages/contracting';
import { handleProduction, inProduction } from './stages/in-production';
import { completed, licenceTimers, payout } from './stages/payout';
import { handlePosting, measuring, posting } from './stages/posting';
import { handleNegotiation, negotiating } from './stages/negotiating';

/** One creator booked on one campaign, from brief to payout (docs/domain.md#the-collaboration-lifecycle). Id: collaboration-<id>. */
export async function collaborationWorkflow(input: CollaborationInput): Promise<CollaborationState> {
  const booking = new Booking(input);
  setHandler(stateQuery, () => booking.state);
  handleBriefAcknowledgement(booking);
  handleEscalationDecisions(booking);
  handleNegotiation(booking);
  handleSignatures(booking);
  handleProduction(booking);
  handlePosting(booking);
  handleDropOut(booking);
  handleCampaignCancellation(booking);

  try {
    await booking.runLifecycle(async () => {
      await briefed(booking);
      await conflictCheck(booking);
      await negotiating(booking);
      await contracting(booking);
      await inProduction(booking);
      await posting(booking);
      await measuring(booking);
      await payout(booking);
      await licenceTimers(booking);
      await completed(booking);
    });
  } catch (error) {
    if (!(booking.dropRequest && isCancellation(error))) throw error;
    await compensateDropout(booking);
  }
  await tellCampaign(booking);
  return booking.state;
}

/**
 * A booking started by its campaign's workflow tells it how it ended. Addressed by workflow id
 * so the campaign's current run hears it after a continue-as-new. Bookings started on their own
 * (before campaigns had workflows) have no parent and tell no one, as before.
 */
async function tellCampaign(booking: Booking): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(bookingEndedSignal, { collaborationId: booking.input.collaborationId, outcome: booking.stage });
  } catch {
    // The campaign's workflow is gone (terminated by an operator): nothing is waiting to hear.
  }
}
