import { Escalation } from '../../../libs/domain/entities';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { EscalationKind, EscalationResolution, EscalationStatus, RESOLUTIONS_BY_KIND } from '../../../libs/domain/rules/escalations';
import type { CollaborationState } from '../../../workflows/messages';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { collaborationOf, decisionAction, paramText, statusIn } from '../back-office/decision-action';
import { choicesOf, DURATION, type Choice } from '../back-office/decision-form';
import { badge, choices } from '../back-office/properties';
import { NAVIGATION, type Logger, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { EscalationsService } from './escalations.service';

/** Escalations in the panel: raised by the workflows, resolved by a manager's decision. */

export type EscalationsPort = Pick<EscalationsService, 'resolveEscalation' | 'openedInPanel'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

const RESOLUTION_LABELS: Record<string, string> = {
  [EscalationResolution.Extend]: 'Extend the deadline',
  [EscalationResolution.Override]: 'Override: go ahead despite the conflict',
  [EscalationResolution.Drop]: 'Drop the creator from the booking',
  [EscalationResolution.Accept]: 'Accept as it is',
};

/** The choices a manager has for an escalation of this kind (RESOLUTIONS_BY_KIND). */
export function resolutionChoices(kind: unknown): Choice[] {
  const allowed = RESOLUTIONS_BY_KIND[kind as EscalationKind] ?? [];
  return choicesOf(allowed, (value) => RESOLUTION_LABELS[value] ?? value);
}

export function escalationActions(port: EscalationsPort, logger: Logger): Actions {
  return {
    resolveEscalation: decisionAction<CollaborationState>(
      {
        name: 'resolveEscalation',
        icon: 'Flag',
        roles: DECISION_ROLES.resolveEscalation,
        availableWhen: (record) =>
          statusIn(record, EscalationStatus.Open, EscalationStatus.Acknowledged) && !!paramText(record, 'collaborationId') && resolutionChoices(paramText(record, 'kind')).length > 0,
        form: {
          intro: 'Your decision on this escalation. EXTEND moves the deadline by the time given (and it escalates again if that lapses too); DROP ends the booking with compensation.',
          submitLabel: 'Resolve',
          fields: [
            { name: 'resolution', label: 'Resolution', kind: 'select', required: true },
            { name: 'reason', label: 'Reason (kept in the audit log)', kind: 'textarea', required: true, maxLength: 1_000 },
            {
              name: 'extendBy',
              label: 'Extend by',
              kind: 'text',
              maxLength: 20,
              placeholder: '24h',
              help: 'With EXTEND: a duration such as 24h, 3d or 1h30m',
              pattern: { regex: DURATION, message: 'Extend by must be a duration such as 24h or 3d' },
            },
          ],
          defaults: (record) => ({ resolution: resolutionChoices(paramText(record, 'kind'))[0]?.value ?? '' }),
          choices: (record) => ({ resolution: resolutionChoices(paramText(record, 'kind')) }),
          check: (values) => (values.resolution === EscalationResolution.Extend && !values.extendBy ? ['Extend by is required to extend the deadline'] : []),
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.resolveEscalation(
            collaborationOf({ id, ...record }),
            id,
            actor,
            {
              resolution: values.resolution as EscalationResolution,
              reason: values.reason as string,
              ...(values.resolution === EscalationResolution.Extend ? { extendBy: values.extendBy as string } : {}),
            },
            requestId,
          ),
        outcome: (state, values) => `Escalation resolved (${values.resolution}) — stage is now ${state.stage}`,
        failure: 'The escalation could not be resolved',
      },
      logger,
    ),
  };
}

export function escalationPanel(deps: SpecDependencies & { escalations: EscalationsPort }): PanelResource {
  return {
    entity: Escalation,
    id: 'Escalation',
    label: 'Escalations',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'severity', 'status', 'collaborationId', 'assigneeId', 'raisedAt', 'summary'],
    show: ['id', 'kind', 'severity', 'status', 'collaborationId', 'campaignId', 'assigneeId', 'raisedAt', 'summary', 'resolution', 'resolvedById', 'resolvedAt'],
    filter: ['kind', 'severity', 'status', 'collaborationId', 'campaignId', 'assigneeId', 'raisedAt'],
    titleProperty: 'kind',
    sort: { sortBy: 'raisedAt', direction: 'desc' },
    properties: {
      kind: choices(Object.values(EscalationKind)),
      severity: badge('severity'),
      status: badge('escalation'),
      summary: { type: 'textarea' },
    },
    propertyLabels: {
      collaborationId: 'Collaboration',
      campaignId: 'Campaign',
      assigneeId: 'Assignee',
      raisedAt: 'Raised at',
      resolvedById: 'Resolved by',
      resolvedAt: 'Resolved at',
    },
    // The assignee opening it has seen it: acknowledged.
    opened: (id, actor) => deps.escalations.openedInPanel(id, actor),
    actions: escalationActions(deps.escalations, deps.logger),
    actionLabels: { resolveEscalation: 'Resolve escalation' },
  };
}
