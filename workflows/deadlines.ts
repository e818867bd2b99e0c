import { condition } from '@temporalio/workflow';
import { parseDuration } from '../libs/domain/rules/duration';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../libs/domain/rules/escalations';
import type { CollaborationLifecycle } from './collaboration-lifecycle';
import type { ReminderRecipient, ResolveEscalationInput } from './messages';

export interface EscalatingWait {
  /** What the stage waits for. */
  done: () => boolean;
  /**
   * Optional nudge before escalating: after `after` ms (at once when 0 or less), to the talent
   * manager unless `recipient` says otherwise. None when it would not come before the escalation.
   * `step` tells apart reminders of the same kind in one booking (deliverables, revision rounds).
   */
  reminder?: { after: number; kind: string; message: string; step?: string; recipient?: ReminderRecipient };
  /** When the escalation is raised, counted from the start of the wait. */
  escalateAfter: number;
  escalation: { kind: EscalationKind; severity: EscalationSeverity; summary: string };
  /** The deadline's name in the state and on the row, moved by an extension. */
  deadlineName: string;
  /** How a late arrival closes the escalation. */
  lateReason: string;
  /** Other deadlines of the stage stay (parallel deliverables). */
  keepOtherDeadlines?: boolean;
}

/**
 * A deadline as docs/domain.md#the-collaboration-lifecycle describes every wait: remind, escalate, and obey the manager. EXTEND
 * moves the deadline (and escalates again if that lapses too); DROP cancels the lifecycle; ACCEPT
 * is returned for the caller to act on (and settled by it); if the awaited thing arrives while
 * the escalation is open, the escalation closes as RESOLVED_LATE.
 */
export async function waitOrEscalate(collaboration: CollaborationLifecycle, wait: EscalatingWait): Promise<ResolveEscalationInput | undefined> {
  let grace = wait.escalateAfter;
  if (wait.reminder && wait.reminder.after < wait.escalateAfter) {
    const after = Math.max(0, wait.reminder.after);
    if (after > 0 ? await condition(wait.done, after) : wait.done()) return undefined;
    await collaboration.remind(wait.reminder.kind, wait.reminder.message, { step: wait.reminder.step, recipient: wait.reminder.recipient });
    grace -= after;
  }
  while (!(await condition(wait.done, grace))) {
    const escalationId = await collaboration.escalate(wait.escalation.kind, wait.escalation.severity, wait.escalation.summary);
    const decision = await collaboration.awaitDecision(escalationId, wait.done);
    if (!decision) {
      await collaboration.closeEscalation(escalationId, EscalationResolution.ResolvedLate, wait.lateReason);
      return undefined;
    }
    await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
    if (decision.resolution !== EscalationResolution.Extend) {
      // ACCEPT (a DROP never comes back: it cancels the lifecycle). The caller acts on it.
      return decision;
    }
    grace = parseDuration(decision.extendBy!);
    await collaboration.moveDeadlines([collaboration.deadline(wait.deadlineName, grace)], wait.keepOtherDeadlines);
    collaboration.settledDecisions.add(escalationId);
  }
  return undefined;
}
