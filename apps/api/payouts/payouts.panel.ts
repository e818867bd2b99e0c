import { Payout } from '../../../libs/domain/entities';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { PayoutKind, PayoutStatus } from '../../../libs/domain/rules/lifecycle';
import type { PayoutState } from '../../../workflows/payout-messages';
import { MONEY_READ, MONEY_WRITE } from '../back-office/access';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { collaborationOf, decisionAction, statusIn } from '../back-office/decision-action';
import { badge, choices, money, readOnly } from '../back-office/properties';
import { NAVIGATION, type Logger, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { PayoutsService } from './payouts.service';

/**
 * Payouts in the panel: requested, invoiced, approved and paid through the payout workflow
 * only. Money records (access.ts MONEY_READ): finance and admins all, a manager their team's
 * collaborations', a talent manager their own collaborations' only; decisions within the same reach.
 */

export type PayoutsPort = Pick<PayoutsService, 'submitInvoice' | 'approvePayout'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

export function payoutActions(port: PayoutsPort, logger: Logger): Actions {
  return {
    submitInvoice: decisionAction<PayoutState>(
      {
        name: 'submitInvoice',
        icon: 'FileText',
        roles: DECISION_ROLES.submitInvoice,
        availableWhen: (record) => statusIn(record, PayoutStatus.Requested),
        form: {
          intro: "The creator's invoice for this payout. Finance approves it next (never the person who requested it).",
          submitLabel: 'Submit invoice',
          fields: [
            {
              name: 'invoiceNumber',
              label: 'Invoice number',
              kind: 'text',
              required: true,
              maxLength: 60,
              pattern: { regex: /^[A-Za-z0-9][A-Za-z0-9/._-]{0,59}$/, message: 'The invoice number must be 1-60 letters, digits, "/", ".", "_" or "-"' },
            },
          ],
        },
        perform: (values, { actor, requestId, ...record }) => port.submitInvoice(collaborationOf(record), actor, values.invoiceNumber as string, requestId),
        outcome: (state, values) => `Invoice ${values.invoiceNumber} submitted — payout is now ${state.status}`,
        failure: 'The invoice could not be submitted',
      },
      logger,
    ),
    approvePayout: decisionAction<PayoutState>(
      {
        name: 'approvePayout',
        icon: 'DollarSign',
        roles: DECISION_ROLES.approvePayout,
        availableWhen: (record) => statusIn(record, PayoutStatus.Invoiced),
        confirm:
          'Approve this payout? It is paid on its due date (the payment terms), once, through the payout provider. You may not approve a payout you requested or whose fee you agreed.',
        perform: (_values, { actor, requestId, ...record }) => port.approvePayout(collaborationOf(record), actor, requestId),
        outcome: (state) => `Payout approved — status is now ${state.status}${state.status === 'scheduled' ? `, due ${state.dueAt.slice(0, 10)}` : ''}`,
        failure: 'The payout could not be approved',
      },
      logger,
    ),
  };
}

/** A payout is overdue while its due date has passed and it is not paid or cancelled. */
export const OVERDUE_PAYOUTS = `SELECT "id" FROM "payouts" WHERE "dueOn" < CURRENT_DATE AND "status" NOT IN ('paid', 'cancelled')`;

export function payoutPanel(deps: SpecDependencies & { payouts: PayoutsPort }): PanelResource {
  return {
    entity: Payout,
    id: 'Payout',
    label: 'Payouts',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'collaborationId', 'amountMinor', 'status', 'dueOn', 'requestedById', 'approvedById', 'paidAt'],
    show: [
      'id', 'collaborationId', 'kind', 'amountMinor', 'currency', 'status', 'invoiceNumber', 'dueOn', 'requestedById', 'approvedById',
      'approvedAt', 'paidAt', 'providerReference', 'createdAt', 'updatedAt',
    ],
    filter: ['collaborationId', 'kind', 'status', 'currency', 'dueOn', 'requestedById', 'approvedById', 'paidAt', 'createdAt'],
    scope: { owner: 'collaboration.talentManagerId', read: MONEY_READ, write: MONEY_WRITE, act: MONEY_READ },
    overdue: OVERDUE_PAYOUTS,
    titleProperty: 'kind',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: {
      kind: choices(Object.values(PayoutKind)),
      status: { ...badge('payout'), ...readOnly },
      amountMinor: money(),
    },
    propertyLabels: {
      collaborationId: 'Collaboration',
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
    actions: payoutActions(deps.payouts, deps.logger),
    actionLabels: { submitInvoice: 'Submit invoice', approvePayout: 'Approve payout' },
  };
}
