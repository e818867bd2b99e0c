import type { CollaborationState } from '../../../workflows/messages';
import { signedIn } from '../back-office/access';
import type { Action, ActionContext, ActionRequest, ActionResponse, RecordJSON } from '../back-office/adminjs-types';
import { httpErrorMessage } from '../back-office/http-errors';
import type { Logger } from '../back-office/resource-spec';
import type { CollaborationsService } from './collaborations.service';
import { LIVE_VIEW_COMPONENT, type LiveViewData } from './live-view.component';

/** Everyone who acted on the collaboration, as they appear in its history and decisions. */
export function actorIds(live: CollaborationState | null): string[] {
  if (!live) return [];
  const ids = new Set<string>();
  for (const entry of live.history ?? []) if (entry.actor?.userId) ids.add(entry.actor.userId);
  for (const resolved of live.resolvedEscalations ?? []) if (resolved.actor?.userId) ids.add(resolved.actor.userId);
  if (live.dropout?.actor.userId) ids.add(live.dropout.actor.userId);
  return [...ids];
}

interface NamedRecord {
  id(): string | number;
  params: Record<string, unknown>;
}

/**
 * "Live view" of a collaboration: what its workflow says now (the `state` query, as
 * GET /collaborations/:id?live=true answers; its refresh asks again): stage, deliverables, deadlines with
 * time left, open escalations and the history of decisions with who took them. When Temporal
 * cannot be asked, the page says so and shows the stored stage instead.
 */
export function liveViewAction(port: Pick<CollaborationsService, 'view'>, logger: Logger): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: 'Activity',
    component: LIVE_VIEW_COMPONENT,
    showInDrawer: false,
    isAccessible: signedIn,
    isVisible: signedIn,
    handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
      const { record, currentAdmin, h } = context;
      if (!record) throw new Error('liveView is a record action: the record is missing');
      const json: RecordJSON = record.toJSON(currentAdmin);
      const id = String(record.id());
      let live: CollaborationState | null = null;
      let liveError: string | undefined;
      let riskFlags: LiveViewData['riskFlags'] = [];
      try {
        const view = await port.view(id);
        live = view.live;
        liveError = view.liveError;
        riskFlags = (view.riskFlags ?? []).map((r) => ({ kind: r.kind, detail: r.detail, raisedAt: new Date(r.raisedAt).toISOString() }));
      } catch (error) {
        const message = httpErrorMessage(error);
        if (message === null) logger.error(`live view of collaboration ${id} failed: ${(error as Error)?.message ?? error}`, (error as Error)?.stack);
        liveError = message ?? 'an unexpected error';
      }

      const names: Record<string, string> = {};
      const ids = actorIds(live);
      const users = context._admin?.findResource('User');
      if (users && ids.length) {
        try {
          for (const user of (await users.findMany(ids)) as NamedRecord[]) names[String(user.id())] = String(user.params.name ?? user.params.email ?? user.id());
        } catch (error) {
          logger.error(`live view: could not name the actors: ${(error as Error).message}`);
        }
      }
      const show = (resourceId: string, recordId: string) => h.recordActionUrl({ resourceId, recordId, actionName: 'show' });
      const links = {
        escalations: Object.fromEntries((live?.openEscalations ?? []).map((e) => [e.escalationId, show('Escalation', e.escalationId)])),
        deliverables: Object.fromEntries((live?.deliverables ?? []).map((d) => [d.deliverableId, show('Deliverable', d.deliverableId)])),
      };
      const data: LiveViewData = { live, liveError, storedStage: record.params.stage, names, links, at: new Date().toISOString(), riskFlags };
      return { record: json, ...data };
    },
  };
}
