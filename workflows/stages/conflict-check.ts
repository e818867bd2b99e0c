import { condition, patched } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';

/**
 * CONFLICT_CHECK: exclusivity windows, competitor collaborations, availability and refused
 * categories (activity). Warnings are recorded and the collaboration moves on; anything blocking
 * raises CONFLICT, and the manager overrides it with a reason or drops the collaboration.
 */
export async function conflictCheck(collaboration: CollaborationLifecycle): Promise<void> {
  await collaboration.enter(CollaborationStage.ConflictCheck);
  if (!patched('conflict-check')) {
    // Collaborations started before the check existed hold here, as they did then.
    await condition(() => collaboration.stage !== CollaborationStage.ConflictCheck);
    return;
  }
  await checkAndEscalate(collaboration, false);
}

/**
 * Before the contracts are drawn up (behind patched('conflict-recheck-before-contracting')): the
 * same check again, since other bookings may have been contracted since the brief, plus the
 * exclusivity the agreed terms grant against the creator's other bookings and windows. A
 * blocking result raises the same CONFLICT escalation. Returns whether one was raised.
 */
export async function recheckBeforeContracting(collaboration: CollaborationLifecycle): Promise<boolean> {
  return checkAndEscalate(collaboration, true);
}

async function checkAndEscalate(collaboration: CollaborationLifecycle, negotiated: boolean): Promise<boolean> {
  const report = await activities.checkConflicts(
    negotiated ? { collaborationId: collaboration.input.collaborationId, negotiated } : { collaborationId: collaboration.input.collaborationId },
  );
  collaboration.state.conflicts = report.conflicts;
  collaboration.record(negotiated ? 'conflicts.rechecked' : 'conflicts.checked', undefined, report.summary);
  if (!report.blocking) return false;

  const escalationId = await collaboration.escalate(EscalationKind.Conflict, EscalationSeverity.High, report.summary);
  // OVERRIDE is the only decision that comes back here: a DROP cancels the lifecycle.
  const decision = (await collaboration.awaitDecision(escalationId))!;
  await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
  collaboration.record('conflict.overridden', decision.actor, decision.reason);
  collaboration.settledDecisions.add(escalationId);
  return true;
}
