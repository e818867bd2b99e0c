import { condition, setHandler } from '@temporalio/workflow';
import { parseDuration } from '../../libs/domain/rules/duration';
import { EscalationKind, EscalationResolution, resolutionProblem } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import type { CollaborationLifecycle } from '../collaboration-lifecycle';
import { resolveEscalationUpdate, type ResolveEscalationInput } from '../messages';
import { rejectDecision, requireReason, requireRole } from './decisions';

const MAY_RESOLVE = DECISION_ROLES.resolveEscalation;
/** The longest single extension; beyond it the collaboration should be re-planned, not stretched. */
const MAX_EXTENSION_MS = 90 * 86_400_000;

/**
 * A manager's decision on an open escalation. The stage that raised it acts on the decision
 * (EXTEND moves its deadline, OVERRIDE lets it go on); DROP ends the collaboration at once.
 */
export function handleEscalationDecisions(collaboration: CollaborationLifecycle): void {
  setHandler(
    resolveEscalationUpdate,
    async (input: ResolveEscalationInput) => {
      collaboration.decisions.set(input.escalationId, input);
      if (input.resolution === EscalationResolution.Drop) {
        collaboration.requestDrop(input.actor, input.reason);
        await condition(() => collaboration.projectedStage === CollaborationStage.Dropped);
      } else {
        // Answer once the stage has acted on it, so the reply shows the moved deadline or the next stage.
        await condition(() => collaboration.settledDecisions.has(input.escalationId));
        await collaboration.projectionCaughtUp();
      }
      return collaboration.state;
    },
    {
      validator: (input: ResolveEscalationInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_RESOLVE, 'resolve an escalation');
        const open = collaboration.state.openEscalations.find((e) => e.escalationId === input.escalationId);
        if (!open) {
          const closed = collaboration.state.resolvedEscalations.find((e) => e.escalationId === input.escalationId);
          throw rejectDecision(
            closed ? `Escalation ${input.escalationId} is already resolved (${closed.resolution})` : `Escalation ${input.escalationId} is not open on this booking`,
            'WrongStage',
          );
        }
        if (collaboration.decisions.has(input.escalationId)) throw rejectDecision(`Escalation ${input.escalationId} already has a decision`, 'WrongStage');
        // While the dropout compensates, only its own CREATOR_DROPPED escalation takes decisions.
        if (collaboration.dropRequest && open.kind !== EscalationKind.CreatorDropped) throw rejectDecision('The booking is being dropped', 'WrongStage');
        const problem = resolutionProblem(open.kind, input.resolution);
        if (problem) throw rejectDecision(problem, 'InvalidDecision');
        requireReason(input.reason);
        if (input.resolution === EscalationResolution.Extend) {
          let extension: number;
          try {
            extension = parseDuration(input.extendBy ?? '');
          } catch {
            throw rejectDecision('EXTEND needs extendBy, a duration such as 24h or 3d', 'InvalidDecision');
          }
          if (extension > MAX_EXTENSION_MS) throw rejectDecision('An extension may be at most 90 days', 'InvalidDecision');
        }
      },
    },
  );
}
