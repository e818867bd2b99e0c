import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Messages of the benchmark's baseline workflows (scripts/bench/baseline.workflow.ts), shared
 * with the driver. Same names as the real updates (workflows/messages.ts, payout-messages.ts).
 */

export interface BaselineInput {
  /** Deliverables produced and posted in parallel (the real run books two). */
  deliverables: number;
  /** Deadline of every human wait: long, so it never fires (the real SLA defaults are days). */
  deadlineMs: number;
  /** The measuring sleeps, as the real campaign's measureFirst / measureSecond. */
  measureFirstMs: number;
  measureSecondMs: number;
  /** How long the payout waits for approval before it would be overdue (the real one: 1 s once the due date has passed). */
  payoutGraceMs: number;
}

/** What the driver polls for, like the real one polls the row, the contracts, the deliverables. */
export interface BaselineProgress {
  /** The stage last "projected" (after its no-op activity), like collaborations.stage. */
  stage: string;
  contractId?: string;
  deliverableIds: string[];
  decisions: number;
}

export interface BaselinePayoutProgress {
  payoutId?: string;
  status: 'requested' | 'invoiced' | 'scheduled' | 'paid';
  decisions: number;
}

/** The decision payloads: shaped like the real ones, carried into history, never checked. */
export type BaselineDecision = Record<string, unknown>;

export interface BaselineCampaignInput {
  /** Like the real campaign's end date: the campaign waits this long for collaborations (one timer). */
  closesAfterMs: number;
}

export interface BaselineCampaignBooking {
  workflowId: string;
  bookedAt: string;
  outcome?: string;
}

/** bookCreator: like workflows/campaign-messages.ts, the campaign starts the collaboration's workflow as its child. */
export interface BaselineBookCreatorInput {
  actor: BaselineDecision;
  workflowId: string;
  input: BaselineInput;
  booking: BaselineDecision;
}

export const bookCreator = defineUpdate<BaselineCampaignBooking, [BaselineBookCreatorInput]>('bookCreator');
export const bookingEnded = defineSignal<[{ workflowId: string; outcome: string }]>('bookingEnded');
export const baselineCampaignQuery = defineQuery<{ bookings: number; ended: number }>('campaignProgress');

export const baselineProgressQuery = defineQuery<BaselineProgress>('progress');
export const baselinePayoutQuery = defineQuery<BaselinePayoutProgress>('payoutProgress');

export const acknowledgeBrief = defineUpdate<BaselineProgress, [BaselineDecision]>('acknowledgeBrief');
export const proposeTerms = defineUpdate<BaselineProgress, [BaselineDecision]>('proposeTerms');
export const acceptTerms = defineUpdate<BaselineProgress, [BaselineDecision]>('acceptTerms');
export const recordSignature = defineUpdate<BaselineProgress, [BaselineDecision & { party: 'creator' | 'agency' }]>('recordSignature');
export const submitDraft = defineUpdate<BaselineProgress, [BaselineDecision & { deliverableId: string }]>('submitDraft');
export const reviewDraft = defineUpdate<BaselineProgress, [BaselineDecision & { deliverableId: string }]>('reviewDraft');
export const markPosted = defineUpdate<BaselineProgress, [BaselineDecision & { deliverableId: string }]>('markPosted');
export const submitInvoice = defineUpdate<BaselinePayoutProgress, [BaselineDecision]>('submitInvoice');
export const approvePayout = defineUpdate<BaselinePayoutProgress, [BaselineDecision]>('approvePayout');

export function baselineCampaignWorkflowId(runTag: string): string {
  return `bench-baseline-campaign-${runTag}`;
}

export function baselinePayoutWorkflowId(workflowId: string): string {
  return `${workflowId}-payout`;
}
