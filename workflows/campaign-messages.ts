import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CampaignSummary } from '../libs/domain/rules/campaign-summary';
import type { Actor } from '../libs/domain/rules/roles';
import type { CollaborationStage } from '../libs/domain/rules/stages';
import type { CollaborationInput } from './messages';

/**
 * What the API, the campaign workflow and its collaborations' workflows say to each other.
 * Like the collaboration's messages: ids and roles only, never personal data.
 */

export interface CampaignInput {
  campaignId: string;
  /** When the campaign stops taking collaborations on its own (the end of its last day), ISO. */
  closesAt: string;
  /** Continue as new once the history has this many events (Temporal's own suggestion counts too). */
  historyLimit?: number;
  /** The state a previous run handed over when it continued as new. */
  carried?: CampaignState;
}

export type CampaignStatus = 'active' | 'closed' | 'cancelled' | 'completed';

export interface CampaignBooking {
  collaborationId: string;
  workflowId: string;
  bookedAt: string;
  bookedBy: Actor;
  /** The terminal stage the collaboration ended in, once it has. */
  outcome?: CollaborationStage;
  endedAt?: string;
}

export interface CampaignState {
  campaignId: string;
  /** active: takes collaborations; closed: takes none, ends when its collaborations end; cancelled / completed: ended. */
  status: CampaignStatus;
  bookings: CampaignBooking[];
  closedAt?: string;
  cancellation?: { actor: Actor; reason: string; at: string };
  /** Recorded when the campaign ends. */
  summary?: CampaignSummary;
  /** How many runs this campaign has continued through. */
  runs: number;
}

export interface BookCreatorInput {
  actor: Actor;
  booking: CollaborationInput;
}

export interface CloseBookingsInput {
  actor: Actor;
  reason?: string;
}

export interface CancelCampaignInput {
  actor: Actor;
  reason: string;
}

/** A collaboration's workflow, told by its campaign that the campaign was cancelled. */
export interface CampaignCancelledInput {
  actor: Actor;
  reason: string;
}

/** A collaboration's workflow telling its campaign that it has ended. */
export interface BookingEndedInput {
  collaborationId: string;
  outcome: CollaborationStage;
}

export const bookCreatorUpdate = defineUpdate<CampaignBooking, [BookCreatorInput]>('bookCreator');
export const closeBookingsUpdate = defineUpdate<CampaignState, [CloseBookingsInput]>('closeBookings');
export const cancelCampaignUpdate = defineUpdate<CampaignState, [CancelCampaignInput]>('cancelCampaign');
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');
export const bookingEndedSignal = defineSignal<[BookingEndedInput]>('bookingEnded');
export const campaignCancelledSignal = defineSignal<[CampaignCancelledInput]>('campaignCancelled');
/** The campaign's end date was edited: collaborations close at the new time instead (while still open). */
export const rescheduleCloseSignal = defineSignal<[{ closesAt: string }]>('rescheduleClose');
