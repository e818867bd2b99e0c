import { ApplicationFailure } from '@temporalio/workflow';
import { partyDecisionProblem, type PartyDecision } from '../../libs/domain/rules/decision-roles';
import { isParty, type Actor, type Role } from '../../libs/domain/rules/roles';
import type { CollaborationStage } from '../../libs/domain/rules/stages';
import type { CollaborationLifecycle } from '../collaboration-lifecycle';

/**
 * Failure types update validators reject with. The API maps them to HTTP: WrongStage → 409,
 * Forbidden → 403, InvalidDecision → 400; the message is the reason shown to the person.
 */
export type RejectionType = 'WrongStage' | 'Forbidden' | 'InvalidDecision';

export function rejectDecision(message: string, type: RejectionType): ApplicationFailure {
  return ApplicationFailure.create({ message, type, nonRetryable: true });
}

export function requireStage(collaboration: CollaborationLifecycle, stage: CollaborationStage, what: string): void {
  if (collaboration.stage !== stage) {
    throw rejectDecision(`${what} while the collaboration is ${stage}; it is ${collaboration.stage}`, 'WrongStage');
  }
}

export function requireRole(actor: Actor, allowed: readonly Role[], what: string): void {
  if (!(allowed as readonly string[]).includes(actor.role)) {
    throw rejectDecision(`A ${actor.role} may not ${what}; allowed roles: ${allowed.join(', ')}`, 'Forbidden');
  }
}

export function requireReason(reason: unknown): void {
  if (typeof reason !== 'string' || reason.trim().length === 0) throw rejectDecision('A reason is required', 'InvalidDecision');
  if (reason.length > 1_000) throw rejectDecision('The reason may be at most 1000 characters', 'InvalidDecision');
}

/**
 * A decision staff take with one of `staff` roles, which the booking's own creator (or brand
 * contact) may also take through their portal link (PARTY_DECISIONS): a party is admitted only
 * for its own booking, and never for another party's decision.
 */
export function requireDecider(
  collaboration: CollaborationLifecycle,
  actor: Actor,
  staff: readonly Role[],
  decision: PartyDecision,
  what: string,
): void {
  if (!isParty(actor.role)) return requireRole(actor, staff, what);
  const problem = partyDecisionProblem(actor, decision, { creatorId: collaboration.input.creatorId, brandId: collaboration.input.brandId }, what);
  if (problem) throw rejectDecision(problem, 'Forbidden');
}
