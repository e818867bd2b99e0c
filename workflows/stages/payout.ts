import { condition, patched, sleep, startChild } from '@temporalio/workflow';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { isParty } from '../../libs/domain/rules/roles';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { payoutWorkflowId } from '../payout-messages';
import { payoutWorkflow } from '../payout.workflow';

/**
 * PAYOUT: the creator's fee through the payout child workflow (invoice, finance approval, net
 * days from the verified posting, disbursement); the collaboration completes once it is paid.
 */
export async function payout(collaboration: CollaborationLifecycle): Promise<void> {
  await collaboration.enter(CollaborationStage.Payout);
  if (!patched('payout')) {
    // Collaborations that reached this stage before payouts existed hold here, as they did then.
    await condition(() => collaboration.stage !== CollaborationStage.Payout);
    return;
  }
  const deal = collaboration.state.negotiation!.agreed!;
  const verifiedAt = (collaboration.state.deliverables ?? [])
    .map((d) => d.verifiedAt ?? collaboration.now())
    .reduce((latest, at) => (at > latest ? at : latest), '');
  const child = await startChild(payoutWorkflow, {
    workflowId: payoutWorkflowId(collaboration.input.collaborationId),
    args: [
      {
        collaborationId: collaboration.input.collaborationId,
        amountMinor: deal.terms.creatorFeeMinor,
        currency: deal.terms.currency,
        netDays: deal.terms.paymentNetDays,
        verifiedAt: verifiedAt || collaboration.now(),
        requestedById: collaboration.talentManagerId,
        negotiatorId: negotiatorOf(collaboration),
        creatorId: collaboration.input.creatorId,
        paymentDay: collaboration.input.sla.paymentDay ?? DEFAULT_SLA_POLICY.paymentDay,
        // Runs from before every wait reminded start payouts without a reminder, as they did then.
        ...(patched('remind-before-every-escalation') ? { dueReminder: collaboration.sla.payoutDueReminder, escalationResponse: collaboration.sla.escalationResponse } : {}),
      },
    ],
  });
  collaboration.state.payout = { workflowId: child.workflowId, status: 'requested' };
  collaboration.record('payout.requested', undefined, child.workflowId);
  const result = await child.result();
  collaboration.state.payout = { workflowId: child.workflowId, status: result.status, paidAt: result.paidAt, providerReference: result.providerReference };
  collaboration.record('payout.paid', result.approvedBy, result.providerReference);
}

/**
 * Who agreed the fee for the agency, whom the payout's maker-checker keeps from approving it: the
 * staff member who accepted the terms, or, when the creator accepted through their link, the
 * staff member who proposed the accepted terms.
 */
function negotiatorOf(collaboration: CollaborationLifecycle): string {
  const negotiation = collaboration.state.negotiation!;
  const deal = negotiation.agreed!;
  if (!isParty(deal.acceptedBy.role)) return deal.acceptedBy.userId;
  const proposal = [...negotiation.offers].reverse().find((offer) => offer.party === 'agency' && !isParty(offer.actor.role));
  return proposal?.actor.userId ?? deal.acceptedBy.userId;
}

const REMINDER_DAYS_BEFORE = 7;

/**
 * After the payout, the two long timers no spreadsheet keeps (docs/domain.md#the-collaboration-lifecycle): the usage licence
 * (duration from the verified posting) and the exclusivity (its end date), each with a reminder
 * 7 days before and a record when it ends; then COMPLETED.
 */
export async function licenceTimers(collaboration: CollaborationLifecycle, startedAtGoLive?: Promise<void>): Promise<void> {
  // Started when the content went live (licenceTimersAtGoLive): the booking completes when they end.
  if (startedAtGoLive) return startedAtGoLive;
  // Collaborations paid before the licence timers existed complete at once, as they did then.
  if (!patched('licence-timers')) return;
  await runLicenceTimers(collaboration, true);
}

/**
 * The licence and exclusivity timers start when the content goes live (the posts are verified),
 * not after the payout: a 30-day licence on net-30 terms would otherwise end before its reminder
 * was even set. They run beside measuring and the payout. Runs that went live before this start
 * them after the payout, as they did then (undefined).
 */
export function licenceTimersAtGoLive(collaboration: CollaborationLifecycle): Promise<void> | undefined {
  if (!patched('licence-timers-at-go-live')) return undefined;
  const running = runLicenceTimers(collaboration, false);
  // Awaited after the payout; a cancellation meanwhile (campaign cancelled) is not an unhandled rejection.
  running.catch(() => undefined);
  return running;
}

async function runLicenceTimers(collaboration: CollaborationLifecycle, ownStage: boolean): Promise<void> {
  const day = collaboration.input.sla.paymentDay ?? DEFAULT_SLA_POLICY.paymentDay;
  const { terms } = collaboration.state.negotiation!.agreed!;
  const postedAt = Date.parse(collaboration.state.payout?.paidAt ?? collaboration.now());
  const verifiedAt = (collaboration.state.deliverables ?? []).reduce((latest, d) => Math.max(latest, d.verifiedAt ? Date.parse(d.verifiedAt) : 0), 0) || postedAt;
  const ends: { what: 'usage_rights' | 'exclusivity'; at: number; reminder: string; message: string }[] = [];
  if (terms.usageRights?.durationDays) {
    ends.push({ what: 'usage_rights', at: verifiedAt + terms.usageRights.durationDays * day, reminder: 'USAGE_RIGHTS_EXPIRING', message: "The brand's licence to use the creator's content ends in 7 days." });
  }
  if (terms.exclusivity) {
    // Exclusivity runs to the end of its last day (UTC).
    ends.push({ what: 'exclusivity', at: Date.parse(`${terms.exclusivity.end}T23:59:59.999Z`), reminder: 'EXCLUSIVITY_ENDING', message: "The creator's exclusivity ends in 7 days." });
  }
  const deadlines = ends.map((end) => ({ name: end.what === 'usage_rights' ? 'usageRightsExpiry' : 'exclusivityEnd', stage: collaboration.stage, dueAt: new Date(end.at).toISOString() }));
  // Beside other stages, the stages' own deadlines stay; the licence ends are shown apart.
  if (ownStage) collaboration.state.deadlines = deadlines;
  else collaboration.state.licenceEnds = deadlines.map(({ name, dueAt }) => ({ name, dueAt }));
  await Promise.all(
    ends.map(async (end) => {
      const reminderAt = end.at - REMINDER_DAYS_BEFORE * day;
      if (reminderAt > Date.now()) {
        await sleep(reminderAt - Date.now());
        await collaboration.remind(end.reminder, end.message);
      }
      if (end.at > Date.now()) await sleep(end.at - Date.now());
      await activities.recordLicenceEnd({ collaborationId: collaboration.input.collaborationId, what: end.what, at: collaboration.now(), eventKey: collaboration.eventKey(`licence-end:${end.what}`) });
      collaboration.record(end.what === 'usage_rights' ? 'usage_rights.expired' : 'exclusivity.ended');
    }),
  );
}

export async function completed(collaboration: CollaborationLifecycle): Promise<void> {
  await collaboration.enter(CollaborationStage.Completed);
}
