import { defaultPayloadConverter } from '@temporalio/common';
import { ApplicationFailure, log, UpdateInput, workflowInfo, WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { ACTOR_PROOF_HEADER, actorProofProblem } from '../libs/domain/rules/actor-proof';

/**
 * Put into the workflow bundle by the worker (apps/worker/workflow-options.ts) from ACTOR_SIGNING_KEY.
 * It reaches the sandbox as code, never as workflow input, so it is not in any history.
 */
declare const __CREATOROPS_ACTOR_SIGNING_KEY__: string | undefined;
const SIGNING_KEY = typeof __CREATOROPS_ACTOR_SIGNING_KEY__ === 'string' ? __CREATOROPS_ACTOR_SIGNING_KEY__ : undefined;

/**
 * Before any update validator believes `actor` (its role decides who may approve a payout),
 * checks that the API signed it for this workflow and this update (docs/access.md#temporal).
 * A refusal is the update's rejection: nothing is written to the history. Validators do not
 * run on replay, so histories from before signing (or under another key) still replay.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      validateUpdate(input, next) {
        verifyActor(input);
        next(input);
      },
    },
  ],
});

function verifyActor(input: UpdateInput): void {
  const actor = (input.args[0] as { actor?: { userId?: unknown; role?: unknown } } | null | undefined)?.actor;
  // A decision that names no actor claims no one's authority; its own validator refuses it if it needs one.
  if (actor === undefined || actor === null) return;
  if (typeof actor !== 'object' || typeof actor.userId !== 'string' || typeof actor.role !== 'string') {
    throw ApplicationFailure.create({ message: 'The acting user is malformed', type: 'InvalidDecision', nonRetryable: true });
  }
  const problem = actorProofProblem(
    SIGNING_KEY,
    { workflowId: workflowInfo().workflowId, updateName: input.name, actor: { userId: actor.userId, role: actor.role as never } },
    proofOf(input),
    Date.now(),
  );
  if (problem === null) return;
  log.warn('Refused a decision whose actor is not signed', { update: input.name, userId: actor.userId, role: actor.role, problem });
  throw ApplicationFailure.create({ message: `The acting user could not be verified: ${problem}`, type: 'Forbidden', nonRetryable: true });
}

function proofOf(input: UpdateInput): unknown {
  const header = input.headers[ACTOR_PROOF_HEADER];
  if (!header) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(header);
  } catch {
    return undefined;
  }
}
