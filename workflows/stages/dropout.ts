import { condition, patched, setHandler, startChild } from '@temporalio/workflow';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { Role, type Actor } from '../../libs/domain/rules/roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage, isTerminal } from '../../libs/domain/rules/stages';
import { activities, type Booking } from '../booking';
import { campaignCancelledSignal, type CampaignCancelledInput } from '../campaign-messages';
import { payoutWorkflowId } from '../payout-messages';
import { payoutWorkflow } from '../payout.workflow';
import { dropOutUpdate, type DropOutInput } from '../messages';
import { rejectDecision, requireReason, requireRole } from './decisions';

const MAY_DROP = DECISION_ROLES.dropOut;

/** dropOut is accepted at any stage until the booking has ended. */
export function handleDropOut(booking: Booking): void {
  setHandler(
    dropOutUpdate,
    async ({ actor, reason }: DropOutInput) => {
      booking.requestDrop(actor, reason);
      await condition(() => booking.projectedStage === CollaborationStage.Dropped);
      return booking.state;
    },
    {
      validator: (input: DropOutInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_DROP, 'drop a creator from a booking');
        if (input.actor.role === Role.TalentManager && input.actor.userId !== booking.input.talentManagerId) {
          throw rejectDecision("Only the booking's own talent manager, or a manager, may drop the creator", 'Forbidden');
        }
        if (isTerminal(booking.stage)) throw rejectDecision(`The booking has already ended (${booking.stage})`, 'WrongStage');
        if (contentIsLive(booking)) {
          throw rejectDecision("The content is live and verified: the creator's fee is owed, and the booking can no longer be dropped", 'WrongStage');
        }
        if (booking.dropRequest) throw rejectDecision('The booking is already being dropped', 'WrongStage');
        requireReason(input.reason);
      },
    },
  );
}

/** Once the content is live and verified, the creator's fee is owed whatever happens to the campaign. */
function contentIsLive(booking: Booking): boolean {
  return booking.stage === CollaborationStage.Measuring || booking.stage === CollaborationStage.Payout;
}

/**
 * The campaign was cancelled: a booking whose content is not live yet is wound down like a
 * dropout (kill fee, voided contracts, released exclusivity) but ends CANCELLED, with no
 * replacement to find. One already live goes on to be measured and paid.
 */
export function handleCampaignCancellation(booking: Booking): void {
  setHandler(campaignCancelledSignal, ({ actor, reason }: CampaignCancelledInput) => {
    if (booking.dropRequest) {
      // Being dropped, or dropped and waiting for the manager to accept or find a replacement:
      // with the campaign cancelled there is nothing to replace (compensateDropout stops waiting).
      if (!booking.cancelledWithCampaign) booking.campaignCancelledAfterDrop ??= { actor, reason };
      return;
    }
    if (isTerminal(booking.stage)) return;
    if (contentIsLive(booking)) {
      booking.record('campaign.cancelled', actor, 'The content is live: the fee is still owed');
      return;
    }
    booking.cancelledWithCampaign = true;
    booking.requestDrop(actor, `The campaign was cancelled: ${reason}`);
  });
}

/**
 * Compensation after the lifecycle was cancelled by a dropout: every open escalation is closed
 * (the DROP decision with its author, the rest as moot), the manager gets CREATOR_DROPPED with
 * a replacement shortlist, and the booking ends in DROPPED once the manager has accepted it.
 * Once contracts exist, unexecuted ones are voided, exclusivity from this booking is released
 * and the kill fee the executed contract allows is requested; before that there is nothing to undo.
 */
export async function compensateDropout(booking: Booking): Promise<void> {
  const { actor, reason } = booking.dropRequest!;
  for (const open of [...booking.state.openEscalations]) {
    const decision = booking.decisions.get(open.escalationId);
    if (decision?.resolution === EscalationResolution.Drop) {
      await booking.closeEscalation(open.escalationId, EscalationResolution.Drop, decision.reason, decision.actor);
    } else {
      await booking.closeEscalation(
        open.escalationId,
        EscalationResolution.BookingEnded,
        booking.cancelledWithCampaign ? 'The campaign was cancelled' : 'The creator was dropped from the booking',
      );
    }
  }
  if (booking.deliverablesMayExist) {
    await activities.cancelDeliverables({ collaborationId: booking.input.collaborationId, reason, actor, at: booking.now() });
    for (const deliverable of booking.state.deliverables ?? []) {
      if (deliverable.status !== 'approved') deliverable.status = 'cancelled';
    }
  }
  let killFee: { paid: Promise<void> } | undefined;
  if (booking.contractsMayExist) {
    // Void what is unsigned, release exclusivity from this booking, and pay the kill fee the
    // executed contract allows: nothing more, invoiced and approved by finance like any payout.
    const payHere = patched('kill-fee-payout');
    const undone = await activities.undoContracts({ collaborationId: booking.input.collaborationId, reason, actor, at: booking.now(), requestKillFee: !payHere });
    booking.record('contracts.undone', actor, undone.killFeeMinor > 0 ? `kill fee ${undone.killFeeMinor} requested` : 'no kill fee owed');
    booking.state.killFeeMinor = undone.killFeeMinor;
    if (payHere && undone.killFeeMinor > 0) killFee = await payKillFee(booking, undone.killFeeMinor, actor);
  }
  booking.state.dropout = { actor, reason, at: booking.now() };
  if (booking.cancelledWithCampaign) {
    booking.record('booking.cancelled', actor, reason);
    await booking.enter(CollaborationStage.Cancelled, () => [], { actor, reason });
    await killFee?.paid;
    return;
  }
  booking.record('creator.dropped', actor, reason);
  await booking.enter(CollaborationStage.Dropped, () => [], { actor, reason });

  const at = booking.now();
  const escalationId = await activities.escalateDropout({
    collaborationId: booking.input.collaborationId,
    reason,
    actor,
    at,
    eventKey: booking.eventKey('escalate:CREATOR_DROPPED:1'),
  });
  booking.state.openEscalations.push({ escalationId, kind: EscalationKind.CreatorDropped, raisedAt: at });
  booking.record('escalation.raised', undefined, 'CREATOR_DROPPED');
  // Runs from before the patch wait for the manager even when the campaign is cancelled meanwhile.
  const endsWithCampaign = patched('campaign-cancellation-ends-dropped-booking');
  const decision = await booking.awaitDecision(escalationId, () => endsWithCampaign && booking.campaignCancelledAfterDrop !== undefined);
  if (decision) {
    await booking.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
    booking.settledDecisions.add(escalationId);
  } else {
    const cancelled = booking.campaignCancelledAfterDrop!;
    booking.record('campaign.cancelled', cancelled.actor, 'No replacement: the campaign was cancelled');
    await booking.closeEscalation(escalationId, EscalationResolution.BookingEnded, `The campaign was cancelled: ${cancelled.reason}`, cancelled.actor);
    // A manager's decision accepted a moment before is answered, not left waiting.
    booking.settledDecisions.add(escalationId);
  }
  await killFee?.paid;
}

/**
 * The kill fee goes through the same payout child as a fee (id payout-<collaborationId>, so the
 * API's payout routes serve it): invoice, approval by finance who is neither the person who
 * dropped the booking nor whoever agreed the terms, payment terms counted from the dropout,
 * disbursement with its idempotency key. Resolves once paid; the booking ends after that.
 */
async function payKillFee(booking: Booking, amountMinor: number, requestedBy: Actor): Promise<{ paid: Promise<void> }> {
  const deal = booking.state.negotiation!.agreed!;
  const child = await startChild(payoutWorkflow, {
    workflowId: payoutWorkflowId(booking.input.collaborationId),
    args: [
      {
        collaborationId: booking.input.collaborationId,
        kind: 'kill_fee',
        amountMinor,
        currency: deal.terms.currency,
        netDays: deal.terms.paymentNetDays,
        verifiedAt: booking.now(),
        requestedById: requestedBy.userId,
        negotiatorId: deal.acceptedBy.userId,
        paymentDay: booking.input.sla.paymentDay ?? DEFAULT_SLA_POLICY.paymentDay,
      },
    ],
  });
  booking.state.payout = { workflowId: child.workflowId, status: 'requested' };
  booking.record('kill_fee.requested', requestedBy, child.workflowId);
  const paid = child.result().then((result) => {
    booking.state.payout = { workflowId: child.workflowId, status: result.status, paidAt: result.paidAt, providerReference: result.providerReference };
    booking.record('kill_fee.paid', result.approvedBy, result.providerReference);
  });
  return { paid };
}
