import { condition, patched, setHandler } from '@temporalio/workflow';
import { parseDuration } from '../../libs/domain/rules/duration';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import type { CollaborationLifecycle } from '../collaboration-lifecycle';
import { acknowledgeBriefUpdate, type AcknowledgeBriefInput } from '../messages';
import { rejectDecision, requireDecider, requireStage } from './decisions';
import { reacknowledgeBrief } from './record-changes';

const MAY_ACKNOWLEDGE = DECISION_ROLES.acknowledgeBrief;

/** Registers the acknowledgeBrief update for the whole run, so late calls get a clear refusal. */
export function handleBriefAcknowledgement(collaboration: CollaborationLifecycle): void {
  setHandler(
    acknowledgeBriefUpdate,
    async ({ actor }: AcknowledgeBriefInput) => {
      // Only a changed brief is acknowledged again; runs from before brief changes never get here.
      if (collaboration.briefChanges > 0 && (collaboration.state.briefChangedAt || collaboration.stage !== CollaborationStage.Briefed)) {
        await reacknowledgeBrief(collaboration, actor);
        return collaboration.state;
      }
      collaboration.state.briefAcknowledgedAt = collaboration.now();
      collaboration.record('brief.acknowledged', actor);
      // Answer with the state after the move, once the database shows it too. An
      // acknowledgement may arrive before BRIEFED itself is projected (null); runs from before
      // this patch answered at once then, and must replay doing so.
      const pastBriefed = patched('acknowledgement-answers-after-projection')
        ? () => collaboration.projectedStage !== null && collaboration.projectedStage !== CollaborationStage.Briefed
        : () => collaboration.projectedStage !== CollaborationStage.Briefed;
      await condition(pastBriefed);
      return collaboration.state;
    },
    {
      validator: (input: AcknowledgeBriefInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireDecider(collaboration, input.actor, MAY_ACKNOWLEDGE, 'acknowledgeBrief', 'acknowledge a brief');
        // A brief changed after acknowledgement is acknowledged again in whatever stage the booking is.
        if (collaboration.state.briefChangedAt) return;
        requireStage(collaboration, CollaborationStage.Briefed, 'The brief can only be acknowledged');
        if (collaboration.state.briefAcknowledgedAt) throw rejectDecision('The brief is already acknowledged', 'WrongStage');
      },
    },
  );
}

/**
 * BRIEFED: wait for the creator's acknowledgement. The reminder goes to the talent manager,
 * then BRIEF_ACK_OVERDUE to their manager, who extends the deadline or drops the collaboration;
 * a late acknowledgement is still accepted and closes the escalation.
 */
export async function briefed(collaboration: CollaborationLifecycle): Promise<void> {
  const { briefAckReminder, briefAckEscalation } = collaboration.input.sla;
  await collaboration.enter(CollaborationStage.Briefed, (b) => [
    b.deadline('briefAckReminder', briefAckReminder),
    b.deadline('briefAckEscalation', briefAckEscalation),
  ]);
  const acknowledged = () => collaboration.state.briefAcknowledgedAt !== undefined;

  if (!(await condition(acknowledged, briefAckReminder))) {
    await collaboration.remind('BRIEF_ACK_REMINDER', 'The creator has not acknowledged the brief yet.');
    let grace = briefAckEscalation - briefAckReminder;
    while (!(await condition(acknowledged, grace))) {
      const escalationId = await collaboration.escalate(
        EscalationKind.BriefAckOverdue,
        EscalationSeverity.Medium,
        'The creator has not acknowledged the brief within the agreed time; extend the deadline or drop the booking.',
      );
      const decision = await collaboration.awaitDecision(escalationId, acknowledged);
      if (!decision) {
        // Histories recorded before escalations were closed automatically skip this step.
        if (patched('close-escalation-on-late-acknowledgement')) {
          await collaboration.closeEscalation(escalationId, EscalationResolution.ResolvedLate, 'The brief was acknowledged after the deadline');
        }
        break;
      }
      // EXTEND is the only decision that comes back here: a DROP cancels the lifecycle.
      await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
      grace = parseDuration(decision.extendBy!);
      await collaboration.moveDeadlines([collaboration.deadline('briefAckEscalation', grace)]);
      collaboration.settledDecisions.add(escalationId);
    }
  }

  const acknowledgement = collaboration.state.history.find((entry) => entry.event === 'brief.acknowledged');
  await collaboration.recordBriefAcknowledgement(acknowledgement!.actor!, collaboration.state.briefAcknowledgedAt!);
}
