import { condition, patched, setHandler } from '@temporalio/workflow';
import { parseDuration } from '../../libs/domain/rules/duration';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import type { Booking } from '../booking';
import { acknowledgeBriefUpdate, type AcknowledgeBriefInput } from '../messages';
import { rejectDecision, requireRole, requireStage } from './decisions';

const MAY_ACKNOWLEDGE = DECISION_ROLES.acknowledgeBrief;

/** Registers the acknowledgeBrief update for the whole run, so late calls get a clear refusal. */
export function handleBriefAcknowledgement(booking: Booking): void {
  setHandler(
    acknowledgeBriefUpdate,
    async ({ actor }: AcknowledgeBriefInput) => {
      booking.state.briefAcknowledgedAt = booking.now();
      booking.record('brief.acknowledged', actor);
      // Answer with the state after the move, once the database shows it too. An
      // acknowledgement may arrive before BRIEFED itself is projected (null); runs from before
      // this patch answered at once then, and must replay doing so.
      const pastBriefed = patched('acknowledgement-answers-after-projection')
        ? () => booking.projectedStage !== null && booking.projectedStage !== CollaborationStage.Briefed
        : () => booking.projectedStage !== CollaborationStage.Briefed;
      await condition(pastBriefed);
      return booking.state;
    },
    {
      validator: (input: AcknowledgeBriefInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_ACKNOWLEDGE, 'acknowledge a brief');
        requireStage(booking, CollaborationStage.Briefed, 'The brief can only be acknowledged');
        if (booking.state.briefAcknowledgedAt) throw rejectDecision('The brief is already acknowledged', 'WrongStage');
      },
    },
  );
}

/**
 * BRIEFED: wait for the creator's acknowledgement. The reminder goes to the talent manager,
 * then BRIEF_ACK_OVERDUE to their manager, who extends the deadline or drops the booking;
 * a late acknowledgement is still accepted and closes the escalation.
 */
export async function briefed(booking: Booking): Promise<void> {
  const { briefAckReminder, briefAckEscalation } = booking.input.sla;
  await booking.enter(CollaborationStage.Briefed, (b) => [
    b.deadline('briefAckReminder', briefAckReminder),
    b.deadline('briefAckEscalation', briefAckEscalation),
  ]);
  const acknowledged = () => booking.state.briefAcknowledgedAt !== undefined;

  if (!(await condition(acknowledged, briefAckReminder))) {
    await booking.remind('BRIEF_ACK_REMINDER', 'The creator has not acknowledged the brief yet.');
    let grace = briefAckEscalation - briefAckReminder;
    while (!(await condition(acknowledged, grace))) {
      const escalationId = await booking.escalate(
        EscalationKind.BriefAckOverdue,
        EscalationSeverity.Medium,
        'The creator has not acknowledged the brief within the agreed time; extend the deadline or drop the booking.',
      );
      const decision = await booking.awaitDecision(escalationId, acknowledged);
      if (!decision) {
        // Histories recorded before escalations were closed automatically skip this step.
        if (patched('close-escalation-on-late-acknowledgement')) {
          await booking.closeEscalation(escalationId, EscalationResolution.ResolvedLate, 'The brief was acknowledged after the deadline');
        }
        break;
      }
      // EXTEND is the only decision that comes back here: a DROP cancels the lifecycle.
      await booking.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
      grace = parseDuration(decision.extendBy!);
      await booking.moveDeadlines([booking.deadline('briefAckEscalation', grace)]);
      booking.settledDecisions.add(escalationId);
    }
  }

  const acknowledgement = booking.state.history.find((entry) => entry.event === 'brief.acknowledged');
  await booking.recordBriefAcknowledgement(acknowledgement!.actor!, booking.state.briefAcknowledgedAt!);
}
