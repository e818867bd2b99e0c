import { Contract, Deliverable, DraftSubmission, ExclusivityWindow, Payout, PerformanceSnapshot, Target } from '../../../libs/domain/entities';
import { ContractKind, ContractStatus, DeliverableStatus, DraftDecision, PayoutKind, PayoutStatus, SnapshotLabel, SnapshotSource, TargetMetric, TargetPeriod } from '../../../libs/domain/rules/lifecycle';
import { Role } from '../../../libs/domain/rules/roles';
import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';
import { AccessCheck, adminOnly, BOOKING_ACT, hasRole, MONEY_READ, MONEY_WRITE, operations } from './access';
import { OVERDUE_ROWS } from './overdue';
import type { PropertyOptions } from './adminjs-types';
import { Params } from './request-guards';
import { NAVIGATION, ResourceSpec, SpecDependencies } from './resource-spec';
import { COLLABORATION_ACTION_LABELS, collaborationActions } from './workflow-actions/collaboration-actions';
import { MONEY_COMPONENT, RELATED_COMPONENT } from './workflow-actions/components';
import { liveViewAction } from './workflow-actions/live-view.action';
import type { WorkflowActionDependencies } from './workflow-actions/ports';
import { campaignActions, contractActions, deliverableActions, escalationActions, payoutActions, RECORD_ACTION_LABELS } from './workflow-actions/record-actions';

/**
 * The records of a booking's lifecycle (contracts, deliverables and their drafts, payouts,
 * exclusivity, performance, targets) in the panel, and the workflow decisions taken on them.
 * What the workflow owns (statuses, signatures, drafts, payouts) is read-only here: it changes
 * only through a decision (workflow-actions/), which goes through the same service as the API.
 * People edit only what is theirs: manual exclusivity windows, manual performance numbers, targets.
 */

export type LifecycleDependencies = SpecDependencies & WorkflowActionDependencies;
type Spec = ResourceSpec & { entity: Function };

const choices = (values: readonly string[]): PropertyOptions => ({ availableValues: values.map((value) => ({ value, label: value })) });
const readOnly = { isVisible: { list: true, show: true, filter: true, edit: false } };

/** An amount in minor units, shown with the record's currency (list and show); filters on the raw amount. */
export const money = (currencyPath = 'currency'): PropertyOptions => ({
  components: { list: MONEY_COMPONENT, show: MONEY_COMPONENT },
  custom: { currencyPath },
});

interface RelatedLink {
  label: string;
  /** The list of this resource, filtered on `filter` = this record's id. */
  resourceId?: string;
  filter?: string;
  /** Or one of this record's actions. */
  action?: string;
}

/** A show-only line of links to the records that belong to this one (a virtual property). */
export const related = (links: RelatedLink[]): PropertyOptions => ({
  type: 'string',
  isSortable: false,
  components: { show: RELATED_COMPONENT },
  custom: { links },
  isVisible: { list: false, show: true, filter: false, edit: false },
});

const blankToNull = (payload: Params, keys: readonly string[]): Params =>
  Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, keys.includes(key) && value === '' ? null : value]));

const toInteger = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : null;
};

/** Manual performance numbers: labelled `manual`, entered by ops; NMV = GMV − returns − cancellations. */
export function manualSnapshot(payload: Params): Params {
  const amounts = ['gmvMinor', 'returnsMinor', 'cancellationsMinor'];
  const clean = blankToNull(payload, [...amounts, 'currency', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders']);
  const gmv = toInteger(clean.gmvMinor);
  const nmv = gmv === null ? null : gmv - (toInteger(clean.returnsMinor) ?? 0) - (toInteger(clean.cancellationsMinor) ?? 0);
  return { ...clean, label: SnapshotLabel.Manual, source: SnapshotSource.OpsEntry, nmvMinor: nmv };
}

/** Only windows registered by hand; the workflow's own (from an executed contract) are read-only. */
const manualWindow: AccessCheck = (context) => operations(context) && !context.record?.params?.sourceContractId;
/** Targets are set by managers (and admins). */
const managers = hasRole(Role.Manager, Role.Admin);

export function lifecycleResourceSpecs(deps: LifecycleDependencies): Spec[] {
  const { collaborations, logger } = deps;
  return [
    {
      entity: Contract,
      id: 'Contract',
      label: 'Contracts',
      navigation: NAVIGATION.bookings,
      list: ['kind', 'collaborationId', 'status', 'creatorSignedAt', 'agencySignedAt', 'createdAt'],
      show: ['id', 'collaborationId', 'kind', 'status', 'frozenTerms', 'documentHash', 'creatorSignedAt', 'agencySignedAt', 'voidedAt', 'voidReason', 'related', 'createdAt', 'updatedAt'],
      filter: ['collaborationId', 'kind', 'status', 'creatorSignedAt', 'agencySignedAt', 'createdAt'],
      // Drawn up, hashed, signed and voided by the workflow only.
      // Signatures are recorded on one's own (talent manager) or team's (manager) bookings only.
      scope: { owner: 'collaboration.talentManagerId', act: BOOKING_ACT },
      titleProperty: 'kind',
      sort: { sortBy: 'createdAt', direction: 'desc' },
      structured: ['frozenTerms'],
      properties: {
        kind: { ...choices(Object.values(ContractKind)), ...readOnly },
        status: { ...choices(Object.values(ContractStatus)), ...readOnly },
        voidReason: { type: 'textarea' },
        related: related([{ label: 'Exclusivity windows', resourceId: 'ExclusivityWindow', filter: 'sourceContractId' }]),
      },
      propertyLabels: {
        collaborationId: 'Booking',
        frozenTerms: 'Terms as signed',
        documentHash: 'Document hash (SHA-256)',
        creatorSignedAt: 'Creator signed at',
        agencySignedAt: 'Agency signed at',
        voidedAt: 'Voided at',
        voidReason: 'Why voided',
        related: 'Related',
        createdAt: 'Drawn up at',
        updatedAt: 'Updated at',
      },
      actions: contractActions(collaborations, logger),
      actionLabels: RECORD_ACTION_LABELS.Contract,
    },
    {
      entity: Deliverable,
      id: 'Deliverable',
      label: 'Deliverables',
      navigation: NAVIGATION.bookings,
      list: ['type', 'platform', 'collaborationId', 'status', 'draftDueAt', 'scheduledPostAt', 'revisionCount'],
      show: [
        'id', 'collaborationId', 'type', 'platform', 'status', 'draftDueAt', 'scheduledPostAt', 'revisionCount', 'maxRevisions',
        'liveUrl', 'caption', 'postedAt', 'related', 'createdAt', 'updatedAt',
      ],
      filter: ['collaborationId', 'status', 'type', 'platform', 'draftDueAt', 'scheduledPostAt', 'postedAt'],
      // Planned from the agreed terms; status, revisions and the live post belong to the workflow.
      // Drafts and posts are recorded on one's own (talent manager) or team's (manager) bookings only.
      scope: { owner: 'collaboration.talentManagerId', act: BOOKING_ACT },
      overdue: OVERDUE_ROWS.Deliverable,
      titleProperty: 'type',
      sort: { sortBy: 'draftDueAt', direction: 'asc' },
      properties: {
        type: choices(Object.values(DeliverableType)),
        platform: choices(Object.values(Platform)),
        status: { ...choices(Object.values(DeliverableStatus)), ...readOnly },
        caption: { type: 'textarea' },
        related: related([
          { label: 'Drafts', resourceId: 'DraftSubmission', filter: 'deliverableId' },
          { label: 'Performance snapshots', resourceId: 'PerformanceSnapshot', filter: 'deliverableId' },
        ]),
      },
      propertyLabels: {
        collaborationId: 'Booking',
        draftDueAt: 'Draft due',
        scheduledPostAt: 'Goes live',
        revisionCount: 'Revision rounds used',
        maxRevisions: 'Revision rounds included',
        liveUrl: 'Live post',
        caption: 'Caption',
        postedAt: 'Posted at',
        related: 'Related',
        createdAt: 'Planned at',
        updatedAt: 'Updated at',
      },
      actions: deliverableActions(collaborations, logger),
      actionLabels: RECORD_ACTION_LABELS.Deliverable,
    },
    {
      entity: DraftSubmission,
      id: 'DraftSubmission',
      label: 'Drafts',
      navigation: NAVIGATION.bookings,
      list: ['deliverableId', 'version', 'submittedAt', 'decision', 'reviewerId', 'reviewedAt'],
      show: ['id', 'deliverableId', 'version', 'assetUrl', 'caption', 'complianceResult', 'submittedAt', 'decision', 'feedback', 'reviewerId', 'reviewedAt'],
      filter: ['deliverableId', 'decision', 'reviewerId', 'submittedAt', 'reviewedAt'],
      // Submitted and reviewed through the deliverable's decisions only.
      titleProperty: 'version',
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      structured: ['complianceResult'],
      properties: {
        decision: choices(Object.values(DraftDecision)),
        caption: { type: 'textarea' },
        feedback: { type: 'textarea' },
      },
      propertyLabels: {
        deliverableId: 'Deliverable',
        assetUrl: 'Draft',
        complianceResult: 'Compliance check',
        submittedAt: 'Submitted at',
        reviewerId: 'Reviewer',
        reviewedAt: 'Reviewed at',
      },
    },
    {
      entity: Payout,
      id: 'Payout',
      label: 'Payouts',
      navigation: NAVIGATION.bookings,
      list: ['kind', 'collaborationId', 'amountMinor', 'status', 'dueOn', 'requestedById', 'approvedById', 'paidAt'],
      show: [
        'id', 'collaborationId', 'kind', 'amountMinor', 'currency', 'status', 'invoiceNumber', 'dueOn', 'requestedById', 'approvedById',
        'approvedAt', 'paidAt', 'providerReference', 'createdAt', 'updatedAt',
      ],
      filter: ['collaborationId', 'kind', 'status', 'currency', 'dueOn', 'requestedById', 'approvedById', 'paidAt', 'createdAt'],
      // Requested, invoiced, approved and paid through the payout workflow only.
      // Money records (access.ts MONEY_READ): finance and admins all, a manager their team's
      // bookings', a talent manager their own bookings' only; decisions within the same reach.
      scope: { owner: 'collaboration.talentManagerId', read: MONEY_READ, write: MONEY_WRITE, act: MONEY_READ },
      overdue: OVERDUE_ROWS.Payout,
      titleProperty: 'kind',
      sort: { sortBy: 'createdAt', direction: 'desc' },
      properties: {
        kind: choices(Object.values(PayoutKind)),
        status: { ...choices(Object.values(PayoutStatus)), ...readOnly },
        amountMinor: money(),
      },
      propertyLabels: {
        collaborationId: 'Booking',
        amountMinor: 'Amount',
        invoiceNumber: 'Invoice number',
        dueOn: 'Due on',
        requestedById: 'Requested by',
        approvedById: 'Approved by',
        approvedAt: 'Approved at',
        paidAt: 'Paid at',
        providerReference: 'Transfer reference',
        createdAt: 'Requested at',
        updatedAt: 'Updated at',
      },
      actions: payoutActions(collaborations, logger),
      actionLabels: RECORD_ACTION_LABELS.Payout,
    },
    {
      entity: ExclusivityWindow,
      id: 'ExclusivityWindow',
      label: 'Exclusivity windows',
      navigation: NAVIGATION.roster,
      list: ['creatorId', 'category', 'brandName', 'startsOn', 'endsOn', 'releasedAt'],
      show: ['id', 'creatorId', 'category', 'brandName', 'startsOn', 'endsOn', 'sourceContractId', 'releasedAt', 'createdAt', 'updatedAt'],
      filter: ['creatorId', 'category', 'brandName', 'startsOn', 'endsOn', 'sourceContractId', 'releasedAt'],
      // Windows from an executed contract belong to the workflow (registered and released by it);
      // a window agreed outside CreatorOps can be registered by hand so the conflict check sees it.
      create: ['creatorId', 'category', 'brandName', 'startsOn', 'endsOn'],
      edit: ['category', 'brandName', 'startsOn', 'endsOn', 'releasedAt'],
      mayWrite: manualWindow,
      prepareCreate: (payload) => blankToNull(payload, ['category', 'brandName']),
      prepareEdit: (payload) => blankToNull(payload, ['category', 'brandName', 'releasedAt']),
      titleProperty: 'category',
      sort: { sortBy: 'startsOn', direction: 'desc' },
      propertyLabels: {
        creatorId: 'Creator',
        brandName: 'Brand holding it',
        startsOn: 'From',
        endsOn: 'Until',
        sourceContractId: 'From contract',
        releasedAt: 'Released at',
        createdAt: 'Registered at',
        updatedAt: 'Updated at',
      },
    },
    {
      entity: PerformanceSnapshot,
      id: 'PerformanceSnapshot',
      label: 'Performance',
      navigation: NAVIGATION.bookings,
      list: ['deliverableId', 'label', 'capturedAt', 'views', 'likes', 'orders', 'nmvMinor'],
      show: [
        'id', 'deliverableId', 'label', 'source', 'capturedAt', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders',
        'gmvMinor', 'returnsMinor', 'cancellationsMinor', 'nmvMinor', 'currency', 'createdAt',
      ],
      filter: ['deliverableId', 'label', 'source', 'capturedAt', 'currency'],
      // The +1d and +7d captures are the workflow's; ops add manual numbers (what the metrics source reads).
      create: [
        'deliverableId', 'capturedAt', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders',
        'gmvMinor', 'returnsMinor', 'cancellationsMinor', 'currency',
      ],
      mayWrite: operations,
      prepareCreate: manualSnapshot,
      titleProperty: 'label',
      sort: { sortBy: 'capturedAt', direction: 'desc' },
      properties: {
        label: { ...choices(Object.values(SnapshotLabel)), ...readOnly },
        source: { ...choices(Object.values(SnapshotSource)), ...readOnly },
        gmvMinor: money(),
        returnsMinor: money(),
        cancellationsMinor: money(),
        nmvMinor: { ...money(), ...readOnly },
      },
      propertyLabels: {
        deliverableId: 'Deliverable',
        capturedAt: 'Captured at',
        gmvMinor: 'GMV (minor units)',
        returnsMinor: 'Returns (minor units)',
        cancellationsMinor: 'Cancellations (minor units)',
        nmvMinor: 'NMV',
        createdAt: 'Recorded at',
      },
    },
    {
      entity: Target,
      id: 'Target',
      label: 'Targets',
      navigation: NAVIGATION.administration,
      list: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric'],
      show: ['id', 'metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency', 'createdAt', 'updatedAt'],
      filter: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'currency'],
      // Goals are set by managers, for a person or for a team (a manager's direct reports).
      create: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
      edit: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
      mayWrite: managers,
      mayDelete: adminOnly,
      prepareCreate: (payload) => blankToNull(payload, ['userId', 'teamManagerId', 'currency']),
      prepareEdit: (payload) => blankToNull(payload, ['userId', 'teamManagerId', 'currency']),
      titleProperty: 'metric',
      sort: { sortBy: 'periodStart', direction: 'desc' },
      properties: {
        metric: choices(Object.values(TargetMetric)),
        period: choices(Object.values(TargetPeriod)),
        // Money metrics (nmv, revenue) carry a currency and are shown as money; counts and rates as they are.
        valueNumeric: money(),
      },
      propertyLabels: {
        periodStart: 'Period starts',
        userId: 'Person',
        teamManagerId: "Team (manager's reports)",
        valueNumeric: 'Target (money in minor units)',
        createdAt: 'Set at',
        updatedAt: 'Updated at',
      },
    },
  ];
}

/**
 * Adds the workflow decisions, the live view, money display and related-record links to the
 * resources defined in resources.ts (bookings, escalations, campaigns, creators).
 */
function overlays(deps: LifecycleDependencies): Record<string, Partial<ResourceSpec>> {
  const { collaborations, campaigns, logger } = deps;
  return {
    Collaboration: {
      actions: { ...collaborationActions(collaborations, logger), liveView: liveViewAction(collaborations, logger) },
      actionLabels: { ...COLLABORATION_ACTION_LABELS, liveView: 'Live view' },
      show: ['related'],
      properties: {
        brandPriceMinor: money(),
        creatorFeeMinor: money(),
        related: related([
          { label: 'Live view', action: 'liveView' },
          { label: 'Deliverables', resourceId: 'Deliverable', filter: 'collaborationId' },
          { label: 'Contracts', resourceId: 'Contract', filter: 'collaborationId' },
          { label: 'Payouts', resourceId: 'Payout', filter: 'collaborationId' },
          { label: 'Escalations', resourceId: 'Escalation', filter: 'collaborationId' },
          { label: 'Notifications', resourceId: 'Notification', filter: 'collaborationId' },
        ]),
      },
      propertyLabels: { brandPriceMinor: 'Brand price', creatorFeeMinor: 'Creator fee', related: 'Related' },
    },
    Escalation: {
      actions: escalationActions(collaborations, logger),
      actionLabels: RECORD_ACTION_LABELS.Escalation,
    },
    Campaign: {
      actions: campaignActions(campaigns, logger),
      actionLabels: RECORD_ACTION_LABELS.Campaign,
      show: ['related'],
      properties: {
        budgetMinor: money(),
        related: related([
          { label: 'Bookings', resourceId: 'Collaboration', filter: 'campaignId' },
          { label: 'Escalations', resourceId: 'Escalation', filter: 'campaignId' },
        ]),
      },
      propertyLabels: { budgetMinor: 'Budget', related: 'Related' },
    },
    Creator: {
      show: ['related'],
      properties: {
        related: related([
          { label: 'Bookings', resourceId: 'Collaboration', filter: 'creatorId' },
          { label: 'Exclusivity windows', resourceId: 'ExclusivityWindow', filter: 'creatorId' },
        ]),
      },
      propertyLabels: { related: 'Related' },
    },
  };
}

/**
 * The specs of resources.ts plus the lifecycle resources, with the workflow overlays merged in
 * (actions and labels added, properties extended, show lines appended).
 */
export function withLifecycle<T extends Spec>(specs: T[], deps: LifecycleDependencies): Spec[] {
  const extra = overlays(deps);
  const merged = specs.map((spec): Spec => {
    const overlay = extra[spec.id];
    if (!overlay) return spec;
    const properties: Record<string, PropertyOptions> = { ...spec.properties };
    for (const [key, options] of Object.entries(overlay.properties ?? {})) properties[key] = { ...properties[key], ...options };
    return {
      ...spec,
      show: [...spec.show, ...(overlay.show ?? []).filter((key) => !spec.show.includes(key))],
      properties,
      propertyLabels: { ...spec.propertyLabels, ...overlay.propertyLabels },
      actions: { ...spec.actions, ...overlay.actions },
      actionLabels: { ...spec.actionLabels, ...overlay.actionLabels },
    };
  });
  return [...merged, ...lifecycleResourceSpecs(deps)];
}
