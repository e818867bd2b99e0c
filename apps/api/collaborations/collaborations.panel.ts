import { Collaboration } from '../../../libs/domain/entities';
import { feeWithinPriceProblem } from '../../../libs/domain/rules/money';
import { marginBps } from '../../../libs/domain/rules/margin';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import { BOOKING_ACT, operations, OPERATIONS_WRITE } from '../back-office/access';
import { badge, money, related } from '../back-office/properties';
import type { Params } from '../back-office/request-guards';
import { fieldError, NAVIGATION, type PanelErrors, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { COLLABORATION_ACTION_LABELS, collaborationActions, type CollaborationActionsPort } from './collaboration-actions';
import { liveViewAction } from './live-view.action';

/**
 * Collaborations in the panel: the record, its workflow decisions and its live view. Created
 * through the API so that their workflow starts; the stage, deadlines, workflow id and
 * acknowledgement belong to the workflow.
 */

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

/** Before negotiation, a collaboration's prices are only indicative and may be corrected by hand. */
const PRICES_EDITABLE_IN: readonly CollaborationStage[] = [CollaborationStage.Briefed, CollaborationStage.ConflictCheck];

export function prepareCollaborationEdit(payload: Params, current: Params, errors?: PanelErrors): Params {
  if (!PRICES_EDITABLE_IN.includes(current.stage as CollaborationStage)) {
    throw fieldError(errors, 'creatorFeeMinor', `Prices are negotiated in the workflow once a booking is past the conflict check; it is ${current.stage}`);
  }
  const derived = withDerivedMargin(payload, current);
  const price = toAmount('brandPriceMinor' in payload ? payload.brandPriceMinor : current.brandPriceMinor);
  const fee = toAmount('creatorFeeMinor' in payload ? payload.creatorFeeMinor : current.creatorFeeMinor);
  const problem = feeWithinPriceProblem(price, fee);
  if (problem) throw fieldError(errors, 'creatorFeeMinor', problem);
  return derived;
}

/** A collaboration is overdue while one of its current deadlines (the row's projected deadlines) has passed. */
export const OVERDUE_COLLABORATIONS = `SELECT c."id" FROM "collaborations" c WHERE EXISTS (SELECT 1 FROM jsonb_each_text(c."deadlines") d WHERE d.value::timestamptz < now())`;

export function collaborationPanel(deps: SpecDependencies & { collaborations: CollaborationActionsPort }): PanelResource {
  return {
    entity: Collaboration,
    id: 'Collaboration',
    label: 'Collaborations',
    navigation: NAVIGATION.collaborations,
    list: ['campaignId', 'creatorId', 'talentManagerId', 'stage', 'updatedAt'],
    show: [
      'id', 'campaignId', 'creatorId', 'talentManagerId', 'stage', 'briefAcknowledgedAt', 'briefChangedAt', 'deadlines',
      'brandPriceMinor', 'creatorFeeMinor', 'currency', 'marginBps', 'usageRights', 'exclusivity', 'paymentTerms',
      'workflowId', 'createdAt', 'updatedAt', 'related',
    ],
    filter: ['campaignId', 'creatorId', 'talentManagerId', 'stage', 'currency', 'createdAt'],
    // Terms (usage rights, exclusivity, payment) are JSON, set through the API and the workflow.
    // The talent manager is part of the workflow's input (ownership, segregation of duties), and
    // once negotiation starts the prices are the workflow's (agreed, frozen in the contract):
    // only the indicative prices of a collaboration not yet negotiating can be edited here.
    edit: ['brandPriceMinor', 'creatorFeeMinor'],
    mayWrite: operations,
    // A talent manager edits and decides on their own collaborations, a manager on their team's (read-only elsewhere).
    scope: { owner: 'talentManagerId', write: OPERATIONS_WRITE, act: BOOKING_ACT },
    overdue: OVERDUE_COLLABORATIONS,
    prepareEdit: (payload, current) => prepareCollaborationEdit(payload, current, deps.errors),
    // Records that point at a booking (deliverables, contracts, payouts, escalations) name it by this.
    titleProperty: 'title',
    sort: { sortBy: 'updatedAt', direction: 'desc' },
    properties: {
      title: { isVisible: false },
      stage: { ...badge('stage'), isVisible: { list: true, show: true, filter: true, edit: false } },
      workflowId: { isVisible: { list: false, show: true, filter: false, edit: false } },
      briefAcknowledgedAt: { isVisible: { list: false, show: true, filter: false, edit: false } },
      briefChangedAt: { isVisible: { list: false, show: true, filter: false, edit: false } },
      brandPriceMinor: money(),
      creatorFeeMinor: money(),
      related: related([
        { label: 'Live view', action: 'liveView' },
        { label: 'Deliverables', resourceId: 'Deliverable', filter: 'collaborationId' },
        { label: 'Contracts', resourceId: 'Contract', filter: 'collaborationId' },
        { label: 'Payouts', resourceId: 'Payout', filter: 'collaborationId' },
        { label: 'Escalations', resourceId: 'Escalation', filter: 'collaborationId' },
        { label: 'Notifications', resourceId: 'Notification', filter: 'collaborationId' },
        { label: 'Risk flags', resourceId: 'BookingRiskFlag', filter: 'collaborationId' },
      ]),
    },
    structured: ['deadlines', 'usageRights', 'exclusivity', 'paymentTerms'],
    propertyLabels: {
      campaignId: 'Campaign',
      creatorId: 'Creator',
      talentManagerId: 'Talent manager',
      briefAcknowledgedAt: 'Brief acknowledged at',
      briefChangedAt: 'Brief changed since (waits for a fresh acknowledgement)',
      deadlines: 'Deadlines',
      exclusivity: 'Exclusivity',
      brandPriceMinor: 'Brand price',
      creatorFeeMinor: 'Creator fee',
      marginBps: 'Margin (basis points)',
      usageRights: 'Usage rights',
      paymentTerms: 'Payment terms',
      workflowId: 'Workflow id',
      createdAt: 'Booked at',
      updatedAt: 'Updated at',
      related: 'Related',
    },
    actions: { ...collaborationActions(deps.collaborations, deps.logger), liveView: liveViewAction(deps.collaborations, deps.logger) },
    actionLabels: { ...COLLABORATION_ACTION_LABELS, liveView: 'Live view' },
  };
}
