import { condition, patched } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type Booking } from '../booking';

/**
 * CONFLICT_CHECK: exclusivity windows, competitor bookings, availability and refused
 * categories (activity). Warnings are recorded and the booking moves on; anything blocking
 * raises CONFLICT, and the manager overrides it with a reason or drops the booking.
 */
export async function conflictCheck(booking: Booking): Promise<void> {
  await booking.enter(CollaborationStage.ConflictCheck);
  if (!patched('conflict-check')) {
    // Bookings started before the check existed hold here, as they did then.
    await condition(() => booking.stage !== CollaborationStage.ConflictCheck);
    return;
  }
  const report = await activities.checkConflicts({ collaborationId: booking.input.collaborationId });
  booking.state.conflicts = report.conflicts;
  booking.record('conflicts.checked', undefined, report.summary);
  if (!report.blocking) return;

  const escalationId = await booking.escalate(EscalationKind.Conflict, EscalationSeverity.High, report.summary);
  // OVERRIDE is the only decision that comes back here: a DROP cancels the lifecycle.
  const decision = (await booking.awaitDecision(escalationId))!;
  await booking.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
  booking.record('conflict.overridden', decision.actor, decision.reason);
  booking.settledDecisions.add(escalationId);
}
