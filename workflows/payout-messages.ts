import { defineQuery, defineUpdate } from '@temporalio/workflow';
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
  /** Length of a payment-terms day in ms (SlaPolicy.paymentDay). */
  paymentDay: number;
  /** How long before the due date finance is reminded of an unapproved payout (SlaPolicy.payoutDueReminder); absent in older runs, which have no reminder. */
  dueReminder?: number;
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
  /** PAYOUT_DETAILS_MISSING, raised when the creator had no payout details on the due date. */
  detailsEscalationId?: string;
  history: { at: string; event: string; actor?: Actor }[];
}

export const submitInvoiceUpdate = defineUpdate<PayoutState, [{ actor: Actor; invoiceNumber: string }]>('submitInvoice');
/** Finance approves; never the requester nor whoever agreed the fee (segregation of duties). */
export const approvePayoutUpdate = defineUpdate<PayoutState, [{ actor: Actor }]>('approvePayout');
export const payoutStateQuery = defineQuery<PayoutState>('payoutState');

export function payoutWorkflowId(collaborationId: string): string {
  return `payout-${collaborationId}`;
}
