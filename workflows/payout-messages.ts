import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EscalationKind, EscalationResolution } from '../libs/domain/rules/escalations';
import type { Actor } from '../libs/domain/rules/roles';

/** The payout child workflow's messages (id `payout-<collaborationId>`), shared with the API. */

export interface PayoutInput {
  collaborationId: string;
  amountMinor: number;
  currency: string;
  /** Payment terms: days after the verified posting. */
  netDays: number;
  /** When the last post was verified (for a kill fee: when the collaboration was dropped): the clock of the payment terms starts here. */
  verifiedAt: string;
  /** The collaboration's talent manager requests the payout; they may not approve it. */
  requestedById: string;
  /** Who agreed the fee; they may not approve the payout either. */
  negotiatorId: string;
  /** The booking's creator, who may submit the invoice through their link (absent: older runs). */
  creatorId?: string;
  /** Length of a payment-terms day in ms (SlaPolicy.paymentDay). */
  paymentDay: number;
  /** How long before the due date finance is reminded of an unapproved payout (SlaPolicy.payoutDueReminder); absent in older runs, which have no reminder. */
  dueReminder?: number;
  /** How long PAYOUT_OVERDUE may stay unresolved before it goes up the team tree (SlaPolicy.escalationResponse); absent in older runs. */
  escalationResponse?: number;
  /** What is paid: the creator's fee (absent: older runs) or the kill fee after a dropout or cancellation. */
  kind?: 'fee' | 'kill_fee';
}

export interface PayoutState {
  payoutId?: string;
  status: 'requested' | 'invoiced' | 'scheduled' | 'paid';
  amountMinor: number;
  currency: string;
  dueAt: string;
  invoiceNumber?: string;
  /** Who entered the invoice: the payment's maker, who may not also be its checker. */
  invoicedBy?: Actor;
  approvedBy?: Actor;
  paidAt?: string;
  providerReference?: string;
  overdueEscalationId?: string;
  /** A manager resolved PAYOUT_OVERDUE with ACCEPT: acknowledged late, the payout goes on as it stands. */
  overdueAccepted?: { actor: Actor; reason: string; at: string };
  /** PAYOUT_DETAILS_MISSING, raised when the creator had no payout details on the due date. */
  detailsEscalationId?: string;
  history: { at: string; event: string; actor?: Actor }[];
}

export const submitInvoiceUpdate = defineUpdate<PayoutState, [{ actor: Actor; invoiceNumber: string }]>('submitInvoice');
/** Finance approves; never the requester nor whoever agreed the fee (segregation of duties). */
export const approvePayoutUpdate = defineUpdate<PayoutState, [{ actor: Actor }]>('approvePayout');
export const payoutStateQuery = defineQuery<PayoutState>('payoutState');

/**
 * The payout tells its collaboration about PAYOUT_OVERDUE, so the escalation is in the booking's
 * state and the booking's resolveEscalation (panel, REST) can take a manager's decision on it.
 */
export const payoutEscalationRaisedSignal = defineSignal<[{ escalationId: string; kind: EscalationKind; raisedAt: string }]>('payoutEscalationRaised');
/** The payout closed it itself (paid after all): the booking's state shows it resolved. */
export const payoutEscalationClosedSignal = defineSignal<[{ escalationId: string; resolution: EscalationResolution; reason: string; at: string }]>('payoutEscalationClosed');
/** The booking passes a manager's ACCEPT on PAYOUT_OVERDUE to its payout (already closed on the row): stop escalating it. */
export const payoutOverdueAcceptedSignal = defineSignal<[{ escalationId: string; actor: Actor; reason: string }]>('payoutOverdueAccepted');

export function payoutWorkflowId(collaborationId: string): string {
  return `payout-${collaborationId}`;
}
