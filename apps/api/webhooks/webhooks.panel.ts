import { Webhook } from '../../../libs/domain/entities';
import type { ReachByRole } from '../../../libs/domain/rules/reach';
import { hasRole } from '../back-office/access';
import { decisionAction } from '../back-office/decision-action';
import { httpErrorMessage } from '../back-office/http-errors';
import type { Params } from '../back-office/request-guards';
import { actorOf, fieldError, NAVIGATION, type PanelErrors, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { WEBHOOK_MANAGERS, type WebhooksService, type WebhookWithSecret } from './webhooks.service';

export type WebhooksPort = Pick<WebhooksService, 'newRecord' | 'checkChange' | 'revealSecret' | 'rotateSecret'>;

/** Webhooks of a team: an admin every team's, a manager their own team's; no one else. */
export const WEBHOOK_REACH: ReachByRole = { talent_manager: 'none', manager: 'team', finance: 'none', admin: 'all' };

/** A service refusal as a form error on the field it names ("url: …"), or on the name. */
function asFormError(error: unknown, errors: PanelErrors | undefined): Error {
  const message = httpErrorMessage(error);
  if (message === null) return error as Error;
  const field = /^(url|teamLeadId|name)\b/.exec(message)?.[1] ?? 'name';
  return fieldError(errors, field, message.replace(/^url: /, ''));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Team webhooks in the panel (docs/webhooks.md): added with a name, an http(s) URL and the team's
 * lead; the signing secret is made and sealed on the server and shown only through "Reveal
 * secret" and "Rotate secret", each audited. Their deliveries are under Deliveries.
 */
export function webhookPanel(deps: Pick<SpecDependencies, 'logger' | 'errors'> & { webhooks: WebhooksPort }): PanelResource {
  const secretNotice = (verb: string) => (result: WebhookWithSecret) => ({
    message: `${verb} signing secret of "${result.name}" (give it to the receiver; docs/webhooks.md says how to check signatures): ${result.secret}`,
    type: 'success' as const,
  });
  return {
    entity: Webhook,
    id: 'Webhook',
    label: 'Webhooks',
    navigation: NAVIGATION.administration,
    list: ['name', 'url', 'teamLeadId', 'active', 'updatedAt'],
    show: ['id', 'name', 'url', 'teamLeadId', 'active', 'createdById', 'createdAt', 'updatedAt'],
    filter: ['name', 'teamLeadId', 'active'],
    create: ['name', 'url', 'teamLeadId'],
    edit: ['name', 'url', 'active'],
    mayWrite: hasRole(...WEBHOOK_MANAGERS),
    mayDelete: hasRole(...WEBHOOK_MANAGERS),
    scope: { owner: 'teamLeadId', read: WEBHOOK_REACH, write: WEBHOOK_REACH, mayOwn: WEBHOOK_MANAGERS },
    prepareCreate: async (payload: Params, context) => {
      const actor = actorOf(context);
      if (!actor) throw fieldError(deps.errors, 'name', 'Your session has no valid role; sign in again');
      try {
        return { ...(await deps.webhooks.newRecord(actor, { name: text(payload.name) ?? '', url: text(payload.url) ?? '', teamLeadId: text(payload.teamLeadId) })) };
      } catch (error) {
        throw asFormError(error, deps.errors);
      }
    },
    prepareEdit: (payload: Params) => {
      try {
        return { ...payload, ...deps.webhooks.checkChange({ name: payload.name, url: payload.url }) };
      } catch (error) {
        throw asFormError(error, deps.errors);
      }
    },
    titleProperty: 'name',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    propertyLabels: { url: 'URL (http:// or https://)', teamLeadId: 'Team of (manager)', createdById: 'Added by', updatedAt: 'Changed at' },
    actions: {
      revealSecret: decisionAction(
        {
          name: 'revealSecret',
          icon: 'Key',
          roles: WEBHOOK_MANAGERS,
          availableWhen: () => true,
          confirm: 'Show the signing secret? Who looked is recorded in the audit log.',
          perform: (_values, { id, actor }) => deps.webhooks.revealSecret(actor, id),
          outcome: secretNotice('The'),
          failure: 'The secret could not be shown',
        },
        deps.logger,
      ),
      rotateSecret: decisionAction(
        {
          name: 'rotateSecret',
          icon: 'RefreshCw',
          roles: WEBHOOK_MANAGERS,
          availableWhen: () => true,
          confirm: 'Replace the signing secret? The receiver must be given the new one: the old one stops working at once.',
          perform: (_values, { id, actor }) => deps.webhooks.rotateSecret(actor, id),
          outcome: secretNotice('The new'),
          failure: 'The secret could not be replaced',
        },
        deps.logger,
      ),
    },
    actionLabels: { revealSecret: 'Reveal secret', rotateSecret: 'Rotate secret' },
  };
}
