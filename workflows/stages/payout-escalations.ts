import { condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import { EscalationResolution } from '../../libs/domain/rules/escalations';
import type { CollaborationLifecycle } from '../collaboration-lifecycle';
import { payoutEscalationClosedSignal, payoutEscalationRaisedSignal, payoutOverdueAcceptedSignal, payoutWorkflowId } from '../payout-messages';

/**
 * PAYOUT_OVERDUE is raised by the payout child, but decided on the booking (panel and REST send
 * resolveEscalation to the booking's workflow). The child reports it here, so it is in the
 * booking's open escalations; a manager's ACCEPT closes it as acknowledged late, and the payout
 * is told to stop escalating and goes on as it stands (waiting for finance's approval).
 */
export function handlePayoutEscalations(collaboration: CollaborationLifecycle): void {
  const closedByPayout = new Set<string>();

  setHandler(payoutEscalationRaisedSignal, async ({ escalationId, kind, raisedAt }) => {
    if (collaboration.state.openEscalations.some((e) => e.escalationId === escalationId)) return;
    collaboration.state.openEscalations.push({ escalationId, kind, raisedAt });
    collaboration.record('escalation.raised', undefined, kind);
    await condition(() => collaboration.decisions.has(escalationId) || closedByPayout.has(escalationId));
    const decision = collaboration.decisions.get(escalationId);
    if (!decision) return;
    // The validator admits only ACCEPT for this kind (RESOLUTIONS_BY_KIND).
    await collaboration.closeEscalation(escalationId, EscalationResolution.Accept, `Acknowledged late: ${decision.reason}`, decision.actor);
    try {
      await getExternalWorkflowHandle(payoutWorkflowId(collaboration.input.collaborationId)).signal(payoutOverdueAcceptedSignal, {
        escalationId,
        actor: decision.actor,
        reason: decision.reason,
      });
    } catch {
      // The payout finished meanwhile: nothing left to stop.
    }
    collaboration.settledDecisions.add(escalationId);
  });

  setHandler(payoutEscalationClosedSignal, ({ escalationId, resolution, reason, at }) => {
    closedByPayout.add(escalationId);
    const open = collaboration.state.openEscalations.find((e) => e.escalationId === escalationId);
    if (!open) return;
    // Already closed on the row by the payout: only the booking's state follows.
    collaboration.state.openEscalations = collaboration.state.openEscalations.filter((e) => e.escalationId !== escalationId);
    collaboration.state.resolvedEscalations.push({ ...open, resolution, reason, resolvedAt: at });
    collaboration.record('escalation.resolved', undefined, `${open.kind}: ${resolution}`);
  });
}
