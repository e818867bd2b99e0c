import { isStaff, type Actor, type Role } from '../../../libs/domain/rules/roles';
import { hasRole } from './access';
import type { Action, ActionContext, ActionRequest, ActionResponse, RecordActionResponse, RecordJSON } from './adminjs-types';
import type { Params } from './request-guards';
import { actorOf, type Logger } from './resource-spec';
import { Choice, FormField, FormValues, publicFields, readForm, requestIdOf } from './decision-form';
import { DECISION_FORM_COMPONENT, type DecisionFormOptions } from './components';
import { httpErrorMessage } from './http-errors';

/** A record as a decision sees it: its flattened params and the records its references point to. */
export interface RecordView {
  id: string;
  params: Params;
  /** Populated references by property ("collaborationId" → the collaboration's params). */
  populated: Record<string, Params | undefined>;
}

export interface DecisionContext extends RecordView {
  actor: Actor;
  /** The form's one-time id: the decision's idempotency key. */
  requestId?: string;
}

export type Outcome = string | { message: string; type: 'success' | 'error' | 'info' };

export interface DecisionForm {
  intro?: string;
  submitLabel?: string;
  fields: FormField[];
  /** Values the form opens with (from the record, or the workflow's live state). */
  defaults?: (record: RecordView, actor: Actor | undefined) => Params | Promise<Params>;
  /** Per-record choices of select fields (an escalation's allowed resolutions). */
  choices?: (record: RecordView, actor: Actor | undefined) => Record<string, Choice[]>;
  /** Problems the fields alone cannot express (a field required by another's value). */
  check?: (values: FormValues, record: RecordView) => string[];
}

export interface DecisionSpec<Result> {
  /** The action name (its URL segment). */
  name: string;
  icon?: string;
  /** Who may take it: the same list the workflow's validator uses (libs/domain/rules/decision-roles.ts). */
  roles: readonly Role[];
  /** Shown only where the record's stored state lets it succeed; the workflow decides in the end. */
  availableWhen: (record: RecordView, actor: Actor) => boolean;
  /** A decision without input: the question the person confirms. */
  confirm?: string;
  /** A decision with input. */
  form?: DecisionForm;
  /** Sends the decision through the service the REST API uses. */
  perform: (values: FormValues, context: DecisionContext) => Promise<Result>;
  /** The notice on success: what happened and the stage it led to. */
  outcome: (result: Result, values: FormValues, record: RecordView) => Outcome;
  /** "The brief could not be acknowledged": prefix of the notice on an unexpected failure. */
  failure: string;
}

interface AdminRecord {
  id(): string | number;
  params: Params;
  populated?: Record<string, { params?: Params } | null | undefined>;
  toJSON(currentAdmin?: unknown): RecordJSON;
}

export function recordView(record: AdminRecord | undefined | null): RecordView | null {
  if (!record) return null;
  const populated: Record<string, Params | undefined> = {};
  for (const [key, value] of Object.entries(record.populated ?? {})) populated[key] = value?.params ?? undefined;
  return { id: String(record.id()), params: record.params ?? {}, populated };
}

/** The stage of the collaboration a record belongs to, when its collaboration reference is populated. */
export function collaborationStage(record: RecordView, reference = 'collaborationId'): string | undefined {
  const stage = record.populated[reference]?.stage;
  return typeof stage === 'string' ? stage : undefined;
}

const param = (record: RecordView, key: string): unknown => record.params[key];
export const paramText = (record: RecordView, key: string): string | undefined => {
  const value = param(record, key);
  return value === null || value === undefined || value === '' ? undefined : String(value);
};

/** The collaboration a lifecycle record (contract, deliverable, payout, escalation) belongs to. */
export const collaborationOf = (record: RecordView): string => {
  const id = paramText(record, 'collaborationId');
  if (!id) throw new Error(`Record ${record.id} belongs to no collaboration`);
  return id;
};

/** The record's collaboration is in `stage`, when known (its reference is populated); else no objection. */
export const collaborationIn = (record: RecordView, stage: string): boolean => {
  const current = collaborationStage(record);
  return current === undefined || current === stage;
};

export const statusIn = (record: RecordView, ...statuses: string[]): boolean => statuses.includes(paramText(record, 'status') ?? '');

export const mayTake = (roles: readonly Role[], actor: Actor | undefined): boolean => !!actor && isStaff(actor) && roles.includes(actor.role);

/**
 * One workflow decision as an AdminJS record action: role-checked on the server
 * (`isAccessible`, the workflow's own role list), shown only where stage and role allow it
 * (`isVisible`), the input read and checked by `readForm`, then sent through the same service
 * as the REST API. The workflow's refusal comes back as an error notice with its reason (never
 * a 500); success as a notice with the new stage, and a redirect to the record.
 */
export function decisionAction<Result>(spec: DecisionSpec<Result>, logger: Logger): Partial<Action<ActionResponse>> {
  const mayDecide = hasRole(...spec.roles);
  // Every decision is a form posted from the panel's page, a confirm-only one too (its question as
  // the form's intro, no fields): AdminJS would take an action without a component on a GET, which a
  // link could trigger, and SameSite=Lax cookies travel on top-level GETs. A GET only opens the form.
  const form: DecisionForm = spec.form ?? { intro: spec.confirm, fields: [] };

  const handler = async (request: ActionRequest, _response: unknown, context: ActionContext): Promise<RecordActionResponse & Record<string, unknown>> => {
    const { record, currentAdmin, h, resource } = context;
    const view = recordView(record as unknown as AdminRecord);
    if (!record || !view) throw new Error(`${spec.name} is a record action: the record is missing`);
    const asJson = (r: typeof record): RecordJSON => r.toJSON(currentAdmin);
    const actor = actorOf(context);

    // The form opening: its defaults and per-record choices, no decision.
    if (request.method !== 'post') {
      const defaults = form.defaults ? await form.defaults(view, actor) : {};
      const choices = form.choices ? form.choices(view, actor) : {};
      return { record: asJson(record), form: { defaults, choices } };
    }
    if (!actor) {
      return { record: asJson(record), notice: { message: 'Your session has no valid role; sign in again', type: 'error' } };
    }

    const read = readForm(form.fields, request.payload, form.choices ? form.choices(view, actor) : {});
    const problems = [...read.problems, ...(read.problems.length === 0 && form.check ? form.check(read.values, view) : [])];
    if (problems.length > 0) {
      return { record: asJson(record), notice: { message: `Please correct: ${problems.join('; ')}`, type: 'error' } };
    }
    const values: FormValues = read.values;

    try {
      const result = await spec.perform(values, { ...view, actor, requestId: requestIdOf(request.payload) });
      const outcome = spec.outcome(result, values, view);
      const notice = typeof outcome === 'string' ? { message: outcome, type: 'success' as const } : outcome;
      // The workflow answers once the database shows its effect: show the fresh row.
      const fresh = (await resource.findOne(view.id)) ?? record;
      // Taken but not accepted as it stands (a draft failing compliance, a post refused by the
      // verification): stay on the form, so the person can send the corrected one.
      if (notice.type === 'error') return { record: asJson(fresh), notice };
      return {
        record: asJson(fresh),
        notice,
        redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: view.id, actionName: 'show' }),
      };
    } catch (error) {
      const message = httpErrorMessage(error);
      if (message === null) {
        logger.error(`${spec.name} on ${resource.id()} ${view.id} failed: ${(error as Error)?.message ?? error}`, (error as Error)?.stack);
      }
      return { record: asJson(record), notice: { message: message ?? `${spec.failure} because of an unexpected error; try again`, type: 'error' } };
    }
  };

  return {
    actionType: 'record',
    icon: spec.icon ?? 'CheckCircle',
    component: DECISION_FORM_COMPONENT,
    custom: { intro: form.intro, submitLabel: form.submitLabel, fields: publicFields(form.fields) } satisfies DecisionFormOptions,
    // The server check is isAccessible (role); a stale page or a forged call gets the workflow's reason.
    isAccessible: mayDecide,
    isVisible: (context) => {
      const actor = actorOf(context);
      const view = recordView(context.record as unknown as AdminRecord);
      return !!actor && !!view && mayDecide(context) && spec.availableWhen(view, actor);
    },
    handler: handler as Action<ActionResponse>['handler'],
  };
}
