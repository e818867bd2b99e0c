import type { EntityManager } from 'typeorm';
import type { ReachByRole } from '../../../libs/domain/rules/reach';
import type { Actor, Role } from '../../../libs/domain/rules/roles';
import type { AccessCheck } from './access';
import type { Action, ActionContext, ActionResponse, PropertyOptions } from './adminjs-types';
import type { Params } from './request-guards';

/**
 * What a record type declares for the panel (each feature folder's `*.panel.ts`): its views,
 * who may write, which fields a write may touch, its scope. `toResourceOptions`
 * (resource-spec.ts) turns it into AdminJS options with the hooks that enforce it.
 */

export interface Navigation {
  name: string;
  icon: string;
}

export const NAVIGATION = {
  collaborations: { name: 'Collaborations', icon: 'Calendar' },
  roster: { name: 'Roster', icon: 'Users' },
  brands: { name: 'Brands & campaigns', icon: 'Briefcase' },
  administration: { name: 'Administration', icon: 'Settings' },
} satisfies Record<string, Navigation>;

export interface AuditPort {
  /** Appends to the append-only audit log: within `manager`'s transaction when given. */
  record(entry: {
    actor: Actor | undefined;
    action: string;
    entity: string;
    entityId: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  }, manager?: EntityManager): Promise<void>;
}

export interface Logger {
  error(message: string, stack?: string): void;
}

export interface ResourceSpec {
  /** The resource id AdminJS uses: the entity class name. */
  id: string;
  navigation: Navigation;
  /** Plural name shown in the sidebar and headings. */
  label: string;
  list: string[];
  show: string[];
  filter: string[];
  /** Properties an edit may change; absent: no edit. */
  edit?: string[];
  /** Properties a new record may set; absent: no "new". */
  create?: string[];
  mayWrite?: AccessCheck;
  mayDelete?: AccessCheck;
  titleProperty?: string;
  /** JSON columns, shown as "key: value" lines (AdminJS has no view for free-form JSON). */
  structured?: string[];
  sort?: { sortBy: string; direction: 'asc' | 'desc' };
  properties?: Record<string, PropertyOptions>;
  propertyLabels?: Record<string, string>;
  /** Derives or normalises fields of an already-whitelisted payload. */
  prepareCreate?: (payload: Params, context: ActionContext) => Params | Promise<Params>;
  prepareEdit?: (payload: Params, current: Params, context: ActionContext) => Params | Promise<Params>;
  /** After an edit is saved, with what changed (e.g. tell a running workflow about a new end date). */
  afterEdit?: (id: string, changed: { before: Params; after: Params }) => Promise<void>;
  /**
   * Fields a form may send but no response ever shows (a new password): the prepare hooks turn
   * them into what is stored; the audit log records that they were set, never their value.
   */
  writeOnly?: string[];
  /** Per-record rules (access.ts): whose records each role may read, edit and act on. */
  scope?: RecordScopeSpec;
  /**
   * A record that belongs to the owner of another (a creator's exclusivity window, a deliverable's
   * performance numbers): a new one may be added only under a parent the writer reaches, and, with
   * `scope`, only such records edited.
   */
  createUnder?: { field: string; parent: keyof OwnersPort; reach: ReachByRole };
  /** Fields only some readers see (the audit log's money details): see RestrictedFields. */
  restricted?: RestrictedFields;
  /** A yes/no "Overdue" list filter: SQL selecting the ids of the overdue rows (overdue.ts). */
  overdue?: string;
  /**
   * Runs before a record is shown to a signed-in user, within their reach: what opening it means
   * (an escalation's assignee acknowledges it). The page then shows the record as it is after.
   */
  opened?: (id: string, actor: Actor) => Promise<void>;
  /** Custom actions (e.g. workflow decisions), with their labels. */
  actions?: Record<string, Partial<Action<ActionResponse>>>;
  actionLabels?: Record<string, string>;
  messages?: Record<string, string>;
}

/** A record type in the panel: its entity and its spec (each feature folder's `*.panel.ts`). */
export interface PanelResource extends ResourceSpec {
  // TypeORM entity classes are what the adapter takes; they share no useful base type.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
}

export interface RecordScopeSpec {
  /** The property naming the user a record belongs to: "ownerId", or through a relation "collaboration.talentManagerId". */
  owner: string;
  /** Whose records each role may list and open; default: everyone's. */
  read?: ReachByRole;
  /** Whose records each role may create and edit (on top of mayWrite); default: everyone's. */
  write?: ReachByRole;
  /** Whose records each role may run custom actions on (on top of the action's own check); default: `write`. */
  act?: ReachByRole;
  /** Roles that may own such a record (libs/domain/rules/ownership.ts); default: any role. */
  mayOwn?: readonly Role[];
}

/**
 * Fields of some records that only readers within `reach` see. For everyone else every response
 * (list, search, show, actions) carries `placeholder` in their place, and lists may not filter,
 * sort or search on them (a filter would answer "is it there?" one guess at a time).
 */
export interface RestrictedFields {
  fields: string[];
  /** Which records (flattened params) the restriction applies to. */
  where: (params: Params) => boolean;
  /** Who sees them; the owner is the scope's owner column, when there is one. */
  reach: ReachByRole;
  placeholder: string;
}

/** AdminJS's error classes (ESM, loaded in adminjs.ts), so hooks can answer with a form error or a refusal. */
export interface PanelErrors {
  validation(message: string, propertyErrors?: Record<string, string>): Error;
  forbidden(message: string): Error;
}

/** Who owns a record that others hang from (for ResourceSpec.createUnder); null when there is no such record. */
export interface OwnersPort {
  creator(id: string): Promise<string | null>;
  deliverable(id: string): Promise<string | null>;
}

export interface SpecDependencies {
  audit: AuditPort;
  owners?: OwnersPort;
  logger: Logger;
  errors?: PanelErrors;
}
