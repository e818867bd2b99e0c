import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import type { Role } from '../../../libs/domain/rules/roles';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import type { Action, ActionResponse } from './adminjs-types';
import type { Logger } from './resource-spec';
import { decisionAction, paramText } from './workflow-actions/decision-action';

/** The part of CollaborationsService the panel needs (the workflow update behind it). */
export interface AcknowledgeBriefPort {
  acknowledgeBrief(id: string, actor: { userId: string; role: Role }, requestId?: string): Promise<{ stage: string }>;
}

/** Who may acknowledge a brief: the list the workflow's validator uses. */
export const ACKNOWLEDGE_ROLES = DECISION_ROLES.acknowledgeBrief;

/**
 * "Acknowledge brief": a decision without input, so a confirmation instead of a form. Built
 * like every workflow decision of the panel (workflow-actions/decision-action.ts): through the
 * same service as the REST API, a success notice with the new stage, the workflow's refusal
 * as an error notice (never a 500), shown only in BRIEFED to the roles that may take it.
 */
export function acknowledgeBriefAction(port: AcknowledgeBriefPort, logger: Logger): Partial<Action<ActionResponse>> {
  return decisionAction<{ stage: string }>(
    {
      name: 'acknowledgeBrief',
      icon: 'CheckCircle',
      roles: ACKNOWLEDGE_ROLES,
      availableWhen: (record) => paramText(record, 'stage') === CollaborationStage.Briefed,
      confirm: 'Confirm that the creator has acknowledged the brief. The booking then moves on to the conflict check.',
      perform: (_values, { id, actor, requestId }) => port.acknowledgeBrief(id, actor, requestId),
      outcome: (state) => `Brief acknowledged — stage is now ${state.stage}`,
      failure: 'The brief could not be acknowledged',
    },
    logger,
  );
}
