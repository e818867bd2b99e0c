import type { EntityManager } from 'typeorm';
import { minorAmountProblem } from '../../../libs/domain/rules/money';
import { newRecordOwner } from '../../../libs/domain/rules/ownership';
import { ROLES, type Actor } from '../../../libs/domain/rules/roles';
import { AccessCheck, EVERYONE, nobody, ReachByRole, reachableOwners, reaches, reachesAny, reachOf, roleOf, signedIn } from './access';
import type {
  Action,
  ActionContext,
  ActionRequest,
  ActionResponse,
  PropertyOptions,
  RecordJSON,
  ResourceOptions,
} from './adminjs-types';
import type { AdapterRules } from './adminjs';
import { auditWritesOf } from './audited-write';
import { OVERDUE } from './overdue';
import { ownerOf, parseOwnerPath, setListScope } from './record-scope';
import { changes, NEVER_SHOWN, pick, scrubResponse, structuredAsText, unique } from './record-json';
import { keepOnly, Params, sanitizeQuery, withoutParams } from './request-guards';

export * from './panel-resource';
import type { PanelErrors, ResourceSpec, SpecDependencies } from './panel-resource';

/**
 * A panel resource described as data: which properties each view shows, who may write,
 * and which fields a write may touch. `toResourceOptions` turns it into AdminJS options with
 * the server-side hooks that enforce it. No AdminJS import at run time.
 */

/** What the TypeORM adapter must know of a resource to apply its spec (adminjs.ts). */
export function adapterRulesOf(spec: ResourceSpec): AdapterRules {
  return { owner: spec.scope ? parseOwnerPath(spec.scope.owner) : undefined, overdue: spec.overdue };
}

const plainErrors: PanelErrors = {
  validation: (message, propertyErrors) => new Error(`${message} ${JSON.stringify(propertyErrors ?? {})}`),
  forbidden: (message) => new Error(message),
};

/** A form error on one field, for a hook to throw. */
export function fieldError(errors: PanelErrors | undefined, field: string, message: string): Error {
  return (errors ?? { validation: (m: string) => new Error(m) }).validation(message, { [field]: message });
}

export function actorOf(context: Pick<ActionContext, 'currentAdmin'>): Actor | undefined {
  const role = roleOf(context.currentAdmin);
  const id: unknown = context.currentAdmin?.id;
  return role && typeof id === 'string' ? { userId: id, role } : undefined;
}

/** A `show` before-hook: tells the spec who opened which record (access was checked before it runs). */
function openedBy(opened: NonNullable<ResourceSpec['opened']>) {
  return async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
    const actor = actorOf(context);
    const id = request.params?.recordId;
    if (actor && typeof id === 'string') {
      await opened(id, actor);
      // AdminJS loaded the record (to check access) before this hook: show it as it is now.
      if (context.record && context.resource) context.record = (await context.resource.findOne(id, context)) ?? context.record;
    }
    return request;
  };
}

const PREVIOUS = Symbol('previousParams');

export function toResourceOptions(spec: ResourceSpec, deps: SpecDependencies): ResourceOptions {
  const readable = unique(['id'], spec.list, spec.show, spec.filter, spec.overdue ? [OVERDUE] : []);
  const writable = unique(spec.edit, spec.create);
  // What an edit is audited on: everything shown, so derived fields (a recomputed margin) count too.
  const audited = unique(writable, spec.show).filter((key) => !['id', 'createdAt', 'updatedAt'].includes(key));
  const errors = deps.errors ?? plainErrors;
  const writeOnly = spec.writeOnly ?? [];

  // Per-record rules: AdminJS asks isAccessible with the record (show, edit, delete, custom
  // actions) or without it (list, new); lists are narrowed in the query itself (record-scope.ts).
  const scope = spec.scope;
  const ownerPath = scope ? parseOwnerPath(scope.owner) : null;
  const ownerColumn = ownerPath && !ownerPath.relation ? ownerPath.column : null;
  const readReach = scope?.read ?? EVERYONE;
  const writeReach = scope?.write ?? EVERYONE;
  const actReach = scope?.act ?? writeReach;
  const within = (reach: ReachByRole): AccessCheck => (context) =>
    context.record ? reaches(context.currentAdmin, reach, ownerPath ? ownerOf(ownerPath, context.record) : undefined) : reachesAny(context.currentAdmin, reach);
  const both = (...checks: AccessCheck[]): AccessCheck => (context) => checks.every((check) => check(context));
  const mayRead = both(signedIn, within(readReach));
  const mayWrite = both(spec.mayWrite ?? nobody, mayRead, within(writeReach));
  const mayDelete = both(spec.mayDelete ?? nobody, mayRead, within(writeReach));
  const off = { isAccessible: false, isVisible: false };

  /**
   * A new record without an owner belongs to whoever adds it when they may own such records
   * (libs/domain/rules/ownership.ts, as in the API); a new or changed owner must be someone the
   * writer reaches: a talent manager cannot give a creator away.
   */
  const checkOwner = (payload: Params, context: ActionContext, creating: boolean): Params => {
    if (!ownerColumn) return payload;
    const given = payload[ownerColumn];
    if (given === undefined || given === null || given === '') {
      // An edit that leaves it out keeps it.
      if (!creating) return payload;
      const actor = actorOf(context);
      const owner = actor ? newRecordOwner(scope?.mayOwn ?? ROLES, actor) : undefined;
      if (!owner) throw errors.validation('Name the owner of this record', { [ownerColumn]: 'Required: whose record this is' });
      return { ...payload, [ownerColumn]: owner };
    }
    const owners = reachableOwners(context.currentAdmin, reachOf(context.currentAdmin, writeReach));
    if (owners === 'all') return payload;
    if (typeof given === 'string' && owners.includes(given)) return payload;
    throw errors.validation('You can only assign records to yourself or your team', { [ownerColumn]: 'Not you or a member of your team' });
  };
  /**
   * Amounts (properties shown with `money()`) go through the same bound as the API's DTOs
   * (libs/domain/rules/money.ts), so a form cannot store what the database would round or refuse.
   */
  const moneyFields = Object.entries(spec.properties ?? {}).filter(([, options]) => (options.custom as { wholeMinorUnits?: boolean } | undefined)?.wholeMinorUnits).map(([key]) => key);
  const checkAmounts = (payload: Params): Params => {
    for (const key of moneyFields) {
      const value = payload[key];
      if (value === undefined || value === null || value === '') continue;
      const problem = minorAmountProblem(typeof value === 'string' && value.trim() !== '' ? Number(value) : value, key);
      if (problem) throw errors.validation(problem, { [key]: problem });
    }
    return payload;
  };
  /** A new record under a parent (createUnder): the parent's owner must be within the writer's reach. */
  const checkParent = async (payload: Params, context: ActionContext): Promise<void> => {
    const under = spec.createUnder;
    if (!under) return;
    const parentId = payload[under.field];
    if (reachOf(context.currentAdmin, under.reach) === 'all' || typeof parentId !== 'string' || parentId === '') return;
    if (!deps.owners) throw errors.forbidden('Cannot tell whose record this is');
    const owner = await deps.owners[under.parent](parentId);
    if (!reaches(context.currentAdmin, under.reach, owner)) {
      throw errors.validation('You can only add this to your own records or, for a manager, your team\'s', { [under.field]: 'Not yours or your team\'s' });
    }
  };
  /** Which write-only fields a payload sets (non-empty), for the audit log. */
  const setWriteOnly = (payload: Params): Params =>
    Object.fromEntries(writeOnly.filter((key) => typeof payload[key] === 'string' && payload[key] !== '').map((key) => [key, '(set)']));

  /**
   * Appends the entry inside the write's transaction (audited-write.ts): a change that cannot be
   * audited is not saved, and the form says so.
   */
  const audit = async (manager: EntityManager, context: ActionContext, action: string, entityId: string, before: Params | null, after: Params | null) => {
    try {
      await deps.audit.record({ actor: actorOf(context), action: `panel.${spec.id}.${action}`, entity: spec.id, entityId, before, after }, manager);
    } catch (error) {
      deps.logger.error(`could not audit ${action} of ${spec.id} ${entityId}: ${(error as Error).message}`, (error as Error).stack);
      const message = 'Not saved: the change could not be written to the audit log. Try again, or tell an administrator.';
      // A property error too: AdminJS reports a new or edited record as saved when it has none.
      throw errors.validation(message, { auditLog: message });
    }
  };
  const succeeded = (response: ActionResponse) => response.notice?.type === 'success';

  const structured = spec.structured ?? [];
  const showAsText = <T extends ActionResponse>(response: T): T => {
    const record = scrubResponse(response).record as RecordJSON | undefined;
    if (record && structured.length > 0) record.params = structuredAsText(record.params, structured);
    return response;
  };

  const restricted = spec.restricted;
  /** Every record of a response without the restricted fields the reader may not see. */
  const redact = <T extends ActionResponse>(response: T, context: ActionContext): T => {
    if (!restricted) return response;
    const records = [response.record as RecordJSON | undefined, ...((response.records as RecordJSON[] | undefined) ?? [])];
    for (const record of records) {
      if (!record || !restricted.where(record.params ?? {})) continue;
      if (reaches(context.currentAdmin, restricted.reach, ownerColumn ? record.params?.[ownerColumn] : undefined)) continue;
      record.params = { ...withoutParams(record.params, restricted.fields), ...Object.fromEntries(restricted.fields.map((field) => [field, restricted.placeholder])) };
    }
    return response;
  };
  const scrubAndRedact = <T extends ActionResponse>(response: T, _request: ActionRequest, context: ActionContext): T => redact(scrubResponse(response), context);

  const queryGuard = async (request: ActionRequest, context: ActionContext) => {
    const owners = reachableOwners(context.currentAdmin, reachOf(context.currentAdmin, readReach));
    setListScope(context, owners === 'all' ? undefined : owners);
    const queryable = restricted && reachOf(context.currentAdmin, restricted.reach) !== 'all' ? readable.filter((key) => !restricted.fields.includes(key)) : readable;
    return { ...request, query: sanitizeQuery(request.query, queryable) };
  };

  const actions: NonNullable<ResourceOptions['actions']> & Record<string, Partial<Action<ActionResponse>>> = {
    list: { isAccessible: mayRead, before: queryGuard, after: scrubAndRedact },
    search: { isAccessible: mayRead, before: queryGuard, after: scrubAndRedact },
    show: {
      isAccessible: mayRead,
      isVisible: mayRead,
      ...(spec.opened ? { before: openedBy(spec.opened) } : {}),
      after: (response: ActionResponse, _request: ActionRequest, context: ActionContext) => showAsText(redact(response, context)),
    },
    new: off,
    edit: off,
    delete: off,
    bulkDelete: off,
  };

  if (spec.create) {
    const fields = spec.create;
    actions.new = {
      isAccessible: mayWrite,
      isVisible: mayWrite,
      layout: fields,
      before: async (request, context) => {
        if (request.method !== 'post') return request;
        // AdminJS checks access after this hook: do no work for a request it will refuse.
        if (!mayWrite(context)) return { ...request, payload: {} };
        const payload = checkAmounts(checkOwner(keepOnly(request.payload, fields), context, true));
        await checkParent(payload, context);
        const secrets = setWriteOnly(payload);
        auditWritesOf(context, (manager, id, _before, saved) =>
          audit(manager, context, 'created', id, null, { ...withoutParams(pick(saved ?? {}, fields), writeOnly), ...secrets }),
        );
        return { ...request, payload: spec.prepareCreate ? await spec.prepareCreate(payload, context) : payload };
      },
      after: (response: ActionResponse) => scrubResponse(response),
    };
  }

  if (spec.edit) {
    const fields = spec.edit;
    actions.edit = {
      isAccessible: mayWrite,
      isVisible: mayWrite,
      layout: fields,
      before: async (request, context) => {
        if (request.method !== 'post') return request;
        // AdminJS checks access after this hook: do no work for a request it will refuse.
        if (!mayWrite(context)) return { ...request, payload: {} };
        const current = { ...(context.record?.params ?? {}) } as Params;
        (context as Record<symbol, unknown>)[PREVIOUS] = current;
        const payload = checkAmounts(checkOwner(keepOnly(request.payload, fields), context, false));
        const secrets = setWriteOnly(payload);
        auditWritesOf(context, async (manager, id, _before, saved) => {
          const diff = changes(current, saved ?? {}, audited.filter((key) => !writeOnly.includes(key)));
          if (diff || Object.keys(secrets).length > 0) await audit(manager, context, 'updated', id, { ...diff?.before }, { ...diff?.after, ...secrets });
        });
        return { ...request, payload: spec.prepareEdit ? await spec.prepareEdit(payload, current, context) : payload };
      },
      after: async (response: ActionResponse, request: ActionRequest, context: ActionContext) => {
        const record = response.record as RecordJSON | undefined;
        const previous = (context as Record<symbol, unknown>)[PREVIOUS] as Params | undefined;
        if (request.method === 'post' && succeeded(response) && record?.id && previous) {
          const diff = changes(previous, record.params, audited.filter((key) => !writeOnly.includes(key)));
          if (diff && spec.afterEdit) {
            try {
              await spec.afterEdit(String(record.id), diff);
            } catch (error) {
              // Saved, but what follows from it did not happen: say so rather than hide it.
              deps.logger.error(`after editing ${spec.id} ${String(record.id)}: ${(error as Error)?.message ?? error}`);
              const message = `Saved, but the running workflow was not told: ${(error as Error)?.message ?? 'unexpected error'}`;
              return scrubResponse({ ...response, notice: { message, type: 'error' } });
            }
          }
        }
        return scrubResponse(response);
      },
    };
  }

  if (spec.mayDelete) {
    const auditDeletes = (request: ActionRequest, context: ActionContext) => {
      if (request.method === 'post') {
        auditWritesOf(context, (manager, id, before) => audit(manager, context, 'deleted', id, pick(before ?? {}, readable), null));
      }
      return request;
    };
    actions.delete = { isAccessible: mayDelete, isVisible: mayDelete, before: auditDeletes, after: (response: ActionResponse) => scrubResponse(response) };
    actions.bulkDelete = { isAccessible: mayDelete, isVisible: mayDelete, before: auditDeletes, after: (response: ActionResponse) => scrubResponse(response) };
  }

  // Custom actions answer with a record too: it gets the same treatment as "show".
  // Their own isAccessible says which roles may run them; the record must also be within the
  // user's reach (scope.act), so a talent manager cannot decide on someone else's collaboration.
  const mayAct = both(mayRead, within(actReach));
  const withScope = (check: Action<ActionResponse>['isAccessible'], fallback: boolean): AccessCheck => (context) => {
    const own = typeof check === 'function' ? (check as AccessCheck)(context) : check ?? fallback;
    return !!own && mayAct(context);
  };
  for (const [name, action] of Object.entries(spec.actions ?? {})) {
    const own = action.after ? (Array.isArray(action.after) ? action.after : [action.after]) : [];
    actions[name] = {
      ...action,
      isAccessible: withScope(action.isAccessible, true),
      isVisible: withScope(action.isVisible ?? action.isAccessible, true),
      after: [...own, (response: ActionResponse, _request: ActionRequest, context: ActionContext) => showAsText(redact(response, context))],
    };
  }

  // Anything not listed for a view stays out of it; secrets are not even properties (adminjs.ts).
  const properties: Record<string, PropertyOptions> = { ...spec.properties };
  for (const path of structured) {
    properties[path] = { ...properties[path], type: 'textarea', isVisible: { list: false, filter: false, show: true, edit: false } };
  }
  for (const secret of NEVER_SHOWN) properties[secret] = { ...properties[secret], isVisible: false };
  if (spec.overdue) properties[OVERDUE] = { type: 'boolean', isSortable: false, isVisible: { list: false, show: false, edit: false, filter: true } };

  return {
    id: spec.id,
    navigation: spec.navigation,
    listProperties: spec.list,
    showProperties: spec.show,
    filterProperties: spec.overdue ? [OVERDUE, ...spec.filter] : spec.filter,
    editProperties: writable,
    titleProperty: spec.titleProperty,
    sort: spec.sort,
    properties,
    actions,
    translations: {
      en: {
        labels: { [spec.id]: spec.label },
        properties: { ...(spec.overdue ? { [OVERDUE]: 'Overdue' } : {}), ...spec.propertyLabels },
        actions: spec.actionLabels ?? {},
        messages: spec.messages ?? {},
      },
    },
  };
}
