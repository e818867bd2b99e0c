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
  const report = await activities.checkConflicts({ collaborationId: collaboration.input.collaborationId });
  collaboration.state.conflicts = report.conflicts;
  collaboration.record('conflicts.checked', undefined, report.summary);
  if (!report.blocking) return;

  const escalationId = await collaboration.escalate(EscalationKind.Conflict, EscalationSeverity.High, report.summary);
  // OVERRIDE is the only decision that comes back here: a DROP cancels the lifecycle.
  const decision = (await collaboration.awaitDecision(escalationId))!;
  await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
  collaboration.record('conflict.overridden', decision.actor, decision.reason);
  collaboration.settledDecisions.add(escalationId);
}
