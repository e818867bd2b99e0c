import { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { ACTOR_PROOF_HEADER, signActor } from '../domain/rules/actor-proof';
import { isParty, isRole } from '../domain/rules/roles';

/**
 * Signs the actor of every update this client sends (docs/access.md#temporal): the worker's
 * update validators refuse a decision whose actor is not signed with the same key. Updates
 * without an actor (none today) pass unchanged.
 */
export function actorSigningInterceptor(key: string, now: () => number = Date.now): WorkflowClientInterceptor {
  return {
    async startUpdate(input, next) {
      const actor = actorOf(input.args[0]);
      if (!actor) return next(input);
      const proof = signActor(key, { workflowId: input.workflowExecution.workflowId, updateName: input.updateName, actor, issuedAt: now() });
      return next({ ...input, headers: { ...input.headers, [ACTOR_PROOF_HEADER]: defaultPayloadConverter.toPayload(proof) } });
    },
  };
}

function actorOf(argument: unknown): { userId: string; role: never } | undefined {
  const actor = (argument as { actor?: { userId?: unknown; role?: unknown } } | null)?.actor;
  return actor && typeof actor.userId === 'string' && (isRole(actor.role) || isParty(actor.role)) ? (actor as { userId: string; role: never }) : undefined;
}
