import { AuditLog, Brand, Campaign, Collaboration, Creator, Escalation, Market, Notification, User } from '../../../libs/domain/entities';
import { EscalationKind, EscalationSeverity, EscalationStatus } from '../../../libs/domain/rules/escalations';
import { marginBps } from '../../../libs/domain/rules/margin';
import { ROLES } from '../../../libs/domain/rules/roles';
import { COLLABORATION_STAGES, CollaborationStage } from '../../../libs/domain/rules/stages';
import { CampaignStatus, CreatorStatus } from '../../../libs/domain/rules/statuses';
import { acknowledgeBriefAction } from './acknowledge-brief.action';
import { withLifecycle } from './lifecycle-resources';
import type { WorkflowActionDependencies } from './workflow-actions/ports';
import { adminOnly, BOOKING_ACT, operations, OPERATIONS_WRITE } from './access';
import { OVERDUE_ROWS } from './overdue';
import type { PropertyOptions, ResourceWithOptions } from './adminjs-types';
import { Params } from './request-guards';
import { NAVIGATION, PanelErrors, ResourceSpec, SpecDependencies, toResourceOptions } from './resource-spec';
import type { ActionContext } from './adminjs-types';
import { hashPassword, passwordProblem } from '../../../libs/auth/passwords';

/**
 * What the back office shows and lets people change, resource by resource. Plain data and
 * functions: the runtime AdminJS import stays in adminjs.ts.
 */

/** `collaborations`, `campaigns`: the services the REST API uses, for the workflow decisions (workflow-actions/). */
export interface BackOfficeDependencies extends SpecDependencies, WorkflowActionDependencies {
  /** Ends a user's panel sessions (after an admin resets their password). */
  sessions?: { endAll(userId: string): Promise<void> };
}

const choices = (values: readonly string[]): PropertyOptions => ({ availableValues: values.map((value) => ({ value, label: value })) });

/**
 * Panel-created users get a password hash that matches no password: they cannot sign in
 * until a password is set through a proper flow (argon2 refuses the malformed hash).
 */
export const UNUSABLE_PASSWORD_HASH = '!unset';

function invalid(errors: PanelErrors | undefined, field: string, message: string): Error {
  return (errors ?? { validation: (m: string) => new Error(m) }).validation(message, { [field]: message });
}

/** A new user: the initial password is required and stored only as its argon2id hash. */
export async function prepareNewUser(payload: Params, errors?: PanelErrors): Promise<Params> {
  const { password, ...rest } = normaliseEmail(payload);
  const problem = passwordProblem(password);
  if (problem) throw invalid(errors, 'password', problem);
  return { ...rest, passwordHash: await hashPassword(password as string) };
}

/**
 * An edit of a user: a non-empty password replaces the hash (and ends the user's panel sessions);
 * an admin cannot demote or disable themselves (the last admin would lock everyone out).
 */
export async function prepareUserEdit(payload: Params, current: Params, context: ActionContext, deps: Pick<BackOfficeDependencies, 'errors' | 'sessions'>): Promise<Params> {
  const { password, ...rest } = normaliseEmail(payload);
  const self = context.currentAdmin?.id !== undefined && context.currentAdmin?.id === current.id;
  if (self && 'role' in rest && rest.role !== current.role) throw invalid(deps.errors, 'role', 'You cannot change your own role');
  if (self && 'active' in rest && String(rest.active) !== 'true') throw invalid(deps.errors, 'active', 'You cannot disable your own account');
  if (rest.managerId && rest.managerId === current.id) throw invalid(deps.errors, 'managerId', 'A user cannot be their own manager');
  if (password === undefined || password === null || password === '') return rest;
  const problem = passwordProblem(password);
  if (problem) throw invalid(deps.errors, 'password', problem);
  const passwordHash = await hashPassword(password as string);
  if (!self && typeof current.id === 'string') await deps.sessions?.endAll(current.id);
  return { ...rest, passwordHash };
}

function normaliseEmail(payload: Params): Params {
  return typeof payload.email === 'string' ? { ...payload, email: payload.email.trim().toLowerCase() } : payload;
}

const toAmount = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const amount = Number(value);
  return Number.isSafeInteger(amount) ? amount : null;
};

/** The margin is derived from the two prices, never typed in: recompute it on every edit. */
export function withDerivedMargin(payload: Params, current: Params): Params {
  if (!('brandPriceMinor' in payload) && !('creatorFeeMinor' in payload)) return payload;
  const price = toAmount('brandPriceMinor' in payload ? payload.brandPriceMinor : current.brandPriceMinor);
  const fee = toAmount('creatorFeeMinor' in payload ? payload.creatorFeeMinor : current.creatorFeeMinor);
  let margin: number | null = null;
  try {
    margin = price !== null && fee !== null ? marginBps(price, fee) : null;
  } catch {
    margin = null;
  }
  return { ...payload, marginBps: margin };
}

/** Before negotiation, a booking's prices are only indicative and may be corrected by hand. */
const PRICES_EDITABLE_IN: readonly CollaborationStage[] = [CollaborationStage.Briefed, CollaborationStage.ConflictCheck];

export function prepareBookingEdit(payload: Params, current: Params, errors?: PanelErrors): Params {
  if (!PRICES_EDITABLE_IN.includes(current.stage as CollaborationStage)) {
    throw invalid(errors, 'creatorFeeMinor', `Prices are negotiated in the workflow once a booking is past the conflict check; it is ${current.stage}`);
  }
  return withDerivedMargin(payload, current);
}

export function resourceSpecs(deps: BackOfficeDependencies): Array<ResourceSpec & { entity: Function }> {
  // The lifecycle records (contracts, deliverables, payouts…) and the workflow decisions: lifecycle-resources.ts.
  return withLifecycle([
    {
      entity: Collaboration,
      id: 'Collaboration',
      label: 'Collaborations',
      navigation: NAVIGATION.bookings,
      list: ['campaignId', 'creatorId', 'talentManagerId', 'stage', 'updatedAt'],
      show: [
        'id', 'campaignId', 'creatorId', 'talentManagerId', 'stage', 'briefAcknowledgedAt', 'deadlines',
        'brandPriceMinor', 'creatorFeeMinor', 'currency', 'marginBps', 'usageRights', 'exclusivity', 'paymentTerms',
        'workflowId', 'createdAt', 'updatedAt',
      ],
      filter: ['campaignId', 'creatorId', 'talentManagerId', 'stage', 'currency', 'createdAt'],
      // Bookings are created through the API so that their workflow starts; stage, deadlines,
      // workflow id and acknowledgement belong to the workflow; campaign and creator are the
      // workflow's identity; the margin is derived.
      // Terms (usage rights, exclusivity, payment) are JSON, set through the API and the workflow.
      // The talent manager is part of the workflow's input (ownership, segregation of duties), and
      // once negotiation starts the prices are the workflow's (agreed, frozen in the contract):
      // only the indicative prices of a booking not yet negotiating can be edited here.
      edit: ['brandPriceMinor', 'creatorFeeMinor'],
      mayWrite: operations,
      // A talent manager edits and decides on their own bookings, a manager on their team's (read-only elsewhere).
      scope: { owner: 'talentManagerId', write: OPERATIONS_WRITE, act: BOOKING_ACT },
      overdue: OVERDUE_ROWS.Collaboration,
      prepareEdit: (payload, current) => prepareBookingEdit(payload, current, deps.errors),
      sort: { sortBy: 'updatedAt', direction: 'desc' },
      properties: {
        stage: { ...choices(COLLABORATION_STAGES), isVisible: { list: true, show: true, filter: true, edit: false } },
        workflowId: { isVisible: { list: false, show: true, filter: false, edit: false } },
        briefAcknowledgedAt: { isVisible: { list: false, show: true, filter: false, edit: false } },
      },
      structured: ['deadlines', 'usageRights', 'exclusivity', 'paymentTerms'],
      propertyLabels: {
        campaignId: 'Campaign',
        creatorId: 'Creator',
        talentManagerId: 'Talent manager',
        briefAcknowledgedAt: 'Brief acknowledged at',
        deadlines: 'Deadlines',
        exclusivity: 'Exclusivity',
        brandPriceMinor: 'Brand price (minor units)',
        creatorFeeMinor: 'Creator fee (minor units)',
        marginBps: 'Margin (basis points)',
        usageRights: 'Usage rights',
        paymentTerms: 'Payment terms',
        workflowId: 'Workflow id',
        createdAt: 'Booked at',
        updatedAt: 'Updated at',
      },
      actions: { acknowledgeBrief: acknowledgeBriefAction(deps.collaborations, deps.logger) },
      actionLabels: { acknowledgeBrief: 'Acknowledge brief' },
    },
    {
      entity: Escalation,
      id: 'Escalation',
      label: 'Escalations',
      navigation: NAVIGATION.bookings,
      list: ['kind', 'severity', 'status', 'collaborationId', 'assigneeId', 'raisedAt', 'summary'],
      show: ['id', 'kind', 'severity', 'status', 'collaborationId', 'campaignId', 'assigneeId', 'raisedAt', 'summary', 'resolution', 'resolvedById', 'resolvedAt'],
      filter: ['kind', 'severity', 'status', 'collaborationId', 'campaignId', 'assigneeId', 'raisedAt'],
      titleProperty: 'kind',
      sort: { sortBy: 'raisedAt', direction: 'desc' },
      properties: {
        kind: choices(Object.values(EscalationKind)),
        severity: choices(Object.values(EscalationSeverity)),
        status: choices(Object.values(EscalationStatus)),
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
    },
    {
      entity: Notification,
      id: 'Notification',
      label: 'Notifications',
      navigation: NAVIGATION.bookings,
      list: ['kind', 'recipientId', 'message', 'createdAt', 'readAt'],
      show: ['id', 'kind', 'recipientId', 'collaborationId', 'message', 'createdAt', 'readAt'],
      filter: ['kind', 'recipientId', 'collaborationId', 'createdAt', 'readAt'],
      titleProperty: 'kind',
      sort: { sortBy: 'createdAt', direction: 'desc' },
      properties: { message: { type: 'textarea' } },
      propertyLabels: { recipientId: 'Recipient', collaborationId: 'Collaboration', createdAt: 'Sent at', readAt: 'Read at' },
    },
    {
      entity: Creator,
      id: 'Creator',
      label: 'Creators',
      navigation: NAVIGATION.roster,
      list: ['name', 'handle', 'ownerId', 'status', 'country', 'city'],
      show: [
        'id', 'name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages',
        'country', 'city', 'channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks', 'satisfactionScore',
        'createdAt', 'updatedAt',
      ],
      filter: ['name', 'handle', 'ownerId', 'status', 'country', 'city'],
      // Structured fields (channels, audience, rates) are validated by the API; the panel edits the simple ones.
      create: ['name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages', 'country', 'city'],
      edit: ['name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages', 'country', 'city', 'satisfactionScore'],
      mayWrite: operations,
      // A talent manager keeps their own roster (a new creator is theirs), a manager their team's.
      scope: { owner: 'ownerId', write: OPERATIONS_WRITE },
      mayDelete: adminOnly,
      titleProperty: 'name',
      sort: { sortBy: 'name', direction: 'asc' },
      properties: { status: choices(Object.values(CreatorStatus)) },
      structured: ['channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks'],
      propertyLabels: {
        ownerId: 'Talent manager',
        contactEmail: 'Contact e-mail',
        contactPhone: 'Contact phone',
        contentStyle: 'Content style',
        baseRates: 'Base rates',
        availabilityBlocks: 'Availability blocks',
        satisfactionScore: 'Satisfaction score',
      },
    },
    {
      entity: Brand,
      id: 'Brand',
      label: 'Brands',
      navigation: NAVIGATION.brands,
      list: ['name', 'category', 'createdAt'],
      show: ['id', 'name', 'category', 'competitorCategories', 'competitorBrands', 'guidelines', 'contacts', 'createdAt', 'updatedAt'],
      filter: ['name', 'category'],
      create: ['name', 'category', 'competitorCategories', 'competitorBrands'],
      edit: ['name', 'category', 'competitorCategories', 'competitorBrands'],
      mayWrite: operations,
      mayDelete: adminOnly,
      titleProperty: 'name',
      sort: { sortBy: 'name', direction: 'asc' },
      structured: ['guidelines', 'contacts'],
      propertyLabels: { competitorCategories: 'Competitor categories', competitorBrands: 'Competitor brands' },
    },
    {
      entity: Campaign,
      id: 'Campaign',
      label: 'Campaigns',
      navigation: NAVIGATION.brands,
      list: ['name', 'brandId', 'status', 'startsOn', 'endsOn', 'ownerId'],
      show: [
        'id', 'name', 'brandId', 'objective', 'status', 'market', 'budgetMinor', 'currency', 'startsOn', 'endsOn', 'marginFloorBps',
        'brief', 'targetAudience', 'slaOverrides', 'ownerId', 'workflowId', 'createdAt', 'updatedAt',
      ],
      filter: ['name', 'brandId', 'status', 'market', 'ownerId', 'startsOn', 'endsOn'],
      // Brand and currency are fixed once bookings may exist; status changes (cancellation) go through the workflow.
      create: ['brandId', 'name', 'objective', 'market', 'budgetMinor', 'currency', 'startsOn', 'endsOn', 'marginFloorBps', 'ownerId'],
      edit: ['name', 'objective', 'market', 'budgetMinor', 'startsOn', 'endsOn', 'marginFloorBps', 'ownerId'],
      // A running campaign closes bookings at the end of its last day: a new end date moves that.
      afterEdit: async (id, changed) => {
        if ('endsOn' in changed.after) await deps.campaigns.followEndDate(id);
      },
      mayWrite: operations,
      scope: { owner: 'ownerId', write: OPERATIONS_WRITE },
      mayDelete: adminOnly,
      titleProperty: 'name',
      sort: { sortBy: 'startsOn', direction: 'desc' },
      properties: {
        status: choices(Object.values(CampaignStatus)),
        market: choices(Object.values(Market)),
        workflowId: { isVisible: { list: false, show: true, filter: false, edit: false } },
      },
      structured: ['brief', 'targetAudience', 'slaOverrides'],
      propertyLabels: {
        brandId: 'Brand',
        ownerId: 'Owner',
        budgetMinor: 'Budget (minor units)',
        startsOn: 'Starts on',
        endsOn: 'Ends on',
        marginFloorBps: 'Margin floor (basis points)',
        targetAudience: 'Target audience',
        slaOverrides: 'SLA overrides',
        workflowId: 'Workflow id',
      },
    },
    {
      entity: User,
      id: 'User',
      label: 'Users',
      navigation: NAVIGATION.administration,
      list: ['email', 'name', 'role', 'managerId', 'active'],
      show: ['id', 'email', 'name', 'role', 'managerId', 'active', 'createdAt', 'updatedAt'],
      filter: ['email', 'name', 'role', 'managerId', 'active'],
      // Admins manage users: create with an initial password, reset it, change the role or the
      // manager, disable (never delete: the audit log and the records keep their author).
      // `password` is write-only and hashed with argon2; the hash is not even a property (adminjs.ts).
      create: ['email', 'name', 'role', 'managerId', 'active', 'password'],
      edit: ['email', 'name', 'role', 'managerId', 'active', 'password'],
      writeOnly: ['password'],
      mayWrite: adminOnly,
      prepareCreate: (payload) => prepareNewUser(payload, deps.errors),
      prepareEdit: (payload, current, context) => prepareUserEdit(payload, current, context, deps),
      titleProperty: 'name',
      sort: { sortBy: 'email', direction: 'asc' },
      properties: {
        role: choices(ROLES),
        password: { type: 'password', isVisible: { list: false, show: false, filter: false, edit: true } },
      },
      propertyLabels: { email: 'E-mail', managerId: 'Manager', password: 'New password (at least 12 characters; leave empty to keep)' },
    },
    {
      entity: AuditLog,
      id: 'AuditLog',
      label: 'Audit log',
      navigation: NAVIGATION.administration,
      list: ['at', 'action', 'entity', 'entityId', 'actorRole', 'actorId'],
      show: ['id', 'at', 'action', 'entity', 'entityId', 'actorRole', 'actorId', 'before', 'after', 'eventKey'],
      filter: ['at', 'action', 'entity', 'entityId', 'actorRole', 'actorId'],
      titleProperty: 'action',
      structured: ['before', 'after'],
      sort: { sortBy: 'at', direction: 'desc' },
      // Read-only for everyone (no new/edit/delete here; the database refuses UPDATE, DELETE and
      // TRUNCATE itself). Filter by actor (a user picker), entity, action and a date range on "at".
      properties: { actorId: { reference: 'User' } },
      propertyLabels: { entityId: 'Entity id', actorRole: 'Actor role', actorId: 'Actor', eventKey: 'Event key', at: 'At' },
    },
  ], deps);
}

export function backOfficeResources(deps: BackOfficeDependencies): ResourceWithOptions[] {
  return resourceSpecs(deps).map(({ entity, ...spec }) => ({ resource: entity, options: toResourceOptions(spec, deps) }));
}
