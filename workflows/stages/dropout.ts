import { condition, patched, setHandler, startChild } from '@temporalio/workflow';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { DeliverableStatus } from '../../libs/domain/rules/lifecycle';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { Role, type Actor } from '../../libs/domain/rules/roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage, isTerminal } from '../../libs/domain/rules/stages';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { campaignCancelledSignal, type CampaignCancelledInput } from '../campaign-messages';
import { payoutWorkflowId } from '../payout-messages';
import { payoutWorkflow } from '../payout.workflow';
import { dropOutUpdate, type DropOutInput } from '../messages';
import { rejectDecision, requireReason, requireRole } from './decisions';

const MAY_DROP = DECISION_ROLES.dropOut;

/** dropOut is accepted at any stage until the collaboration has ended. */
export function handleDropOut(collaboration: CollaborationLifecycle): void {
  setHandler(
    dropOutUpdate,
    async ({ actor, reason }: DropOutInput) => {
      collaboration.requestDrop(actor, reason);
      await condition(() => collaboration.projectedStage === CollaborationStage.Dropped);
      return collaboration.state;
    },
    {
      validator: (input: DropOutInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_DROP, 'drop a creator from a booking');
        if (input.actor.role === Role.TalentManager && input.actor.userId !== collaboration.talentManagerId) {
          throw rejectDecision("Only the booking's own talent manager, or a manager, may drop the creator", 'Forbidden');
        }
        if (isTerminal(collaboration.stage)) throw rejectDecision(`The booking has already ended (${collaboration.stage})`, 'WrongStage');
        if (contentIsLive(collaboration)) {
          throw rejectDecision("The content is live and verified: the creator's fee is owed, and the booking can no longer be dropped", 'WrongStage');
        }
        if (collaboration.dropRequest) throw rejectDecision('The booking is already being dropped', 'WrongStage');
        requireReason(input.reason);
      },
    },
  );
}

/** Once the content is live and verified, the creator's fee is owed whatever happens to the campaign. */
function contentIsLive(collaboration: CollaborationLifecycle): boolean {
  return collaboration.stage === CollaborationStage.Measuring || collaboration.stage === CollaborationStage.Payout;
}

/**
 * The campaign was cancelled: a collaboration whose content is not live yet is wound down like a
 * dropout (kill fee, voided contracts, released exclusivity) but ends CANCELLED, with no
 * replacement to find. One already live goes on to be measured and paid.
 */
export function handleCampaignCancellation(collaboration: CollaborationLifecycle): void {
  setHandler(campaignCancelledSignal, ({ actor, reason }: CampaignCancelledInput) => {
    if (collaboration.dropRequest) {
      // Being dropped, or dropped and waiting for the manager to accept or find a replacement:
      // with the campaign cancelled there is nothing to replace (compensateDropout stops waiting).
      if (!collaboration.cancelledWithCampaign) collaboration.campaignCancelledAfterDrop ??= { actor, reason };
      return;
    }
    if (isTerminal(collaboration.stage)) return;
    if (contentIsLive(collaboration)) {
      collaboration.record('campaign.cancelled', actor, 'The content is live: the fee is still owed');
      return;
    }
    collaboration.cancelledWithCampaign = true;
    collaboration.requestDrop(actor, `The campaign was cancelled: ${reason}`);
  });
}

/**
 * Compensation after the lifecycle was cancelled by a dropout: every open escalation is closed
 * (the DROP decision with its author, the rest as moot), the manager gets CREATOR_DROPPED with
 * a replacement shortlist, and the collaboration ends in DROPPED once the manager has accepted it.
 * Once contracts exist, unexecuted ones are voided, exclusivity from this collaboration is released
 * and the kill fee the executed contract allows is requested; before that there is nothing to undo.
 */
export async function compensateDropout(collaboration: CollaborationLifecycle): Promise<void> {
  const { actor, reason } = collaboration.dropRequest!;
  for (const open of [...collaboration.state.openEscalations]) {
    const decision = collaboration.decisions.get(open.escalationId);
    if (decision?.resolution === EscalationResolution.Drop) {
      await collaboration.closeEscalation(open.escalationId, EscalationResolution.Drop, decision.reason, decision.actor);
    } else {
      await collaboration.closeEscalation(
        open.escalationId,
        EscalationResolution.BookingEnded,
        collaboration.cancelledWithCampaign ? 'The campaign was cancelled' : 'The creator was dropped from the booking',
      );
    }
  }
  if (collaboration.deliverablesMayExist) {
    await activities.cancelDeliverables({ collaborationId: collaboration.input.collaborationId, reason, actor, at: collaboration.now() });
    for (const deliverable of collaboration.state.deliverables ?? []) {
      if (deliverable.status !== DeliverableStatus.Approved) deliverable.status = DeliverableStatus.Cancelled;
    }
  }
  let killFee: { paid: Promise<void> } | undefined;
  if (collaboration.contractsMayExist) {
    // Void what is unsigned, release exclusivity from this collaboration, and pay the kill fee the
    // executed contract allows: nothing more, invoiced and approved by finance like any payout.
    const payHere = patched('kill-fee-payout');
    const undone = await activities.undoContracts({ collaborationId: collaboration.input.collaborationId, reason, actor, at: collaboration.now(), requestKillFee: !payHere });
    collaboration.record('contracts.undone', actor, undone.killFeeMinor > 0 ? `kill fee ${undone.killFeeMinor} requested` : 'no kill fee owed');
    collaboration.state.killFeeMinor = undone.killFeeMinor;
    if (payHere && undone.killFeeMinor > 0) killFee = await payKillFee(collaboration, undone.killFeeMinor, actor);
  }
  collaboration.state.dropout = { actor, reason, at: collaboration.now() };
  if (collaboration.cancelledWithCampaign) {
    collaboration.record('booking.cancelled', actor, reason);
    await collaboration.enter(CollaborationStage.Cancelled, () => [], { actor, reason });
    await killFee?.paid;
    return;
  }
  collaboration.record('creator.dropped', actor, reason);
  await collaboration.enter(CollaborationStage.Dropped, () => [], { actor, reason });

  const at = collaboration.now();
  const escalationId = await activities.escalateDropout({
    collaborationId: collaboration.input.collaborationId,
    reason,
    actor,
    at,
    eventKey: collaboration.eventKey('escalate:CREATOR_DROPPED:1'),
  });
  collaboration.state.openEscalations.push({ escalationId, kind: EscalationKind.CreatorDropped, raisedAt: at });
  collaboration.record('escalation.raised', undefined, 'CREATOR_DROPPED');
  // Runs from before the patch wait for the manager even when the campaign is cancelled meanwhile.
  const endsWithCampaign = patched('campaign-cancellation-ends-dropped-booking');
  const decision = await collaboration.awaitDecision(escalationId, () => endsWithCampaign && collaboration.campaignCancelledAfterDrop !== undefined);
  if (decision) {
    await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
    collaboration.settledDecisions.add(escalationId);
  } else {
    const cancelled = collaboration.campaignCancelledAfterDrop!;
    collaboration.record('campaign.cancelled', cancelled.actor, 'No replacement: the campaign was cancelled');
    await collaboration.closeEscalation(escalationId, EscalationResolution.BookingEnded, `The campaign was cancelled: ${cancelled.reason}`, cancelled.actor);
    // A manager's decision accepted a moment before is answered, not left waiting.
    collaboration.settledDecisions.add(escalationId);
  }
  await killFee?.paid;
}

/**
 * The kill fee goes through the same payout child as a fee (id payout-<collaborationId>, so the
 * API's payout routes serve it): invoice, approval by finance who is neither the person who
 * dropped the collaboration nor whoever agreed the terms, payment terms counted from the dropout,
 * disbursement with its idempotency key. Resolves once paid; the collaboration ends after that.
 */
async function payKillFee(collaboration: CollaborationLifecycle, amountMinor: number, requestedBy: Actor): Promise<{ paid: Promise<void> }> {
  const deal = collaboration.state.negotiation!.agreed!;
  const child = await startChild(payoutWorkflow, {
    workflowId: payoutWorkflowId(collaboration.input.collaborationId),
    args: [
      {
        collaborationId: collaboration.input.collaborationId,
        kind: 'kill_fee',
        amountMinor,
        currency: deal.terms.currency,
        netDays: deal.terms.paymentNetDays,
        verifiedAt: collaboration.now(),
        requestedById: requestedBy.userId,
        negotiatorId: deal.acceptedBy.userId,
        paymentDay: collaboration.input.sla.paymentDay ?? DEFAULT_SLA_POLICY.paymentDay,
      },
    ],
  });
  collaboration.state.payout = { workflowId: child.workflowId, status: 'requested' };
  collaboration.record('kill_fee.requested', requestedBy, child.workflowId);
  const paid = child.result().then((result) => {
    collaboration.state.payout = { workflowId: child.workflowId, status: result.status, paidAt: result.paidAt, providerReference: result.providerReference };
    collaboration.record('kill_fee.paid', result.approvedBy, result.providerReference);
  });
  return { paid };
}
