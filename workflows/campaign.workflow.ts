import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignActivityFunctions } from '../activities/campaign.activities';
import { DECISION_ROLES } from '../libs/domain/rules/decision-roles';
import { CollaborationStage } from '../libs/domain/rules/stages';
import { collaborationWorkflowId } from '../libs/temporal/workflow-ids';
import {
  bookCreatorUpdate,
  bookingEndedSignal,
  campaignCancelledSignal,
  campaignStateQuery,
  cancelCampaignUpdate,
  closeBookingsUpdate,
  rescheduleCloseSignal,
  type BookCreatorInput,
  type CampaignBooking,
  type CampaignInput,
  type CampaignState,
  type CancelCampaignInput,
  type CloseBookingsInput,
} from './campaign-messages';
import type { collaborationWorkflow } from './collaboration.workflow';
import { BrandIdKey, CampaignIdKey, CreatorIdKey, StageKey } from './search-attributes';
import { rejectDecision, requireReason, requireRole } from './stages/decisions';

const campaignActivities = proxyActivities<CampaignActivityFunctions>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const MAY_BOOK = DECISION_ROLES.bookCreator;
const MAY_CLOSE_OR_CANCEL = DECISION_ROLES.closeOrCancelCampaign;
/** Well under Temporal's 50k-event limit; the server's own suggestion (by size) also counts. */
const DEFAULT_HISTORY_LIMIT = 10_000;

/**
 * A campaign (docs/domain.md#the-campaign-workflow): the parent of one collaboration workflow per booked creator. It takes
 * collaborations while active, cascades a cancellation to the collaborations still running, and ends, with
 * a recorded summary, once it no longer takes collaborations (closed by a manager or past its end date,
 * or cancelled) and every collaboration has ended. Id: campaign-<id>.
 *
 * Collaborations are started with ABANDON so they outlive a continue-as-new of this workflow; they
 * report their end by signal (to the workflow id, so whichever run is current hears it).
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignState> {
  const state: CampaignState = input.carried ?? { campaignId: input.campaignId, status: 'active', bookings: [], runs: 0 };
  state.runs += 1;
  /** Collaborations whose workflow is being started: a cancellation waits for them before it cascades. */
  let starting = 0;
  const now = () => new Date(Date.now()).toISOString();
  const record = (action: string, input: { status?: 'cancelled'; actor?: BookCreatorInput['actor']; reason?: string }, key: string) =>
    campaignActivities.recordCampaignEvent({ campaignId: state.campaignId, action, ...input, at: now(), eventKey: `campaign-${state.campaignId}:${key}` });

  setHandler(campaignStateQuery, () => state);

  // When collaborations close: the last day's end, moved when the end date is edited. A new signal, so
  // histories from before it never carry one and replay as they ran.
  let closesAt = input.closesAt;
  setHandler(rescheduleCloseSignal, ({ closesAt: next }) => {
    if (typeof next === 'string' && Number.isFinite(Date.parse(next))) closesAt = next;
  });

  setHandler(bookingEndedSignal, ({ collaborationId, outcome }) => {
    const collaboration = state.bookings.find((b) => b.collaborationId === collaborationId);
    if (collaboration && !collaboration.outcome) {
      collaboration.outcome = outcome;
      collaboration.endedAt = now();
    }
  });

  setHandler(
    bookCreatorUpdate,
    async ({ actor, booking: collaborationInput }: BookCreatorInput): Promise<CampaignBooking> => {
      const collaboration: CampaignBooking = {
        collaborationId: collaborationInput.collaborationId,
        workflowId: collaborationWorkflowId(collaborationInput.collaborationId),
        bookedAt: now(),
        bookedBy: actor,
      };
      // Listed before the start, so a concurrent duplicate is refused by the validator.
      state.bookings.push(collaboration);
      starting += 1;
      try {
        await startChild<typeof collaborationWorkflow>('collaborationWorkflow', {
          workflowId: collaboration.workflowId,
          args: [collaborationInput],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: [
            { key: CampaignIdKey, value: collaborationInput.campaignId },
            { key: CreatorIdKey, value: collaborationInput.creatorId },
            { key: BrandIdKey, value: collaborationInput.brandId },
            { key: StageKey, value: CollaborationStage.Briefed },
          ],
        });
      } catch (error) {
        state.bookings.splice(state.bookings.indexOf(collaboration), 1);
        throw rejectDecision(`The booking's workflow could not be started: ${(error as Error).message}`, 'WrongStage');
      } finally {
        starting -= 1;
      }
      return collaboration;
    },
    {
      validator: ({ actor, booking: collaboration }: BookCreatorInput) => {
        if (!actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(actor, MAY_BOOK, 'book a creator');
        requireTakingBookings(state);
        if (!collaboration || collaboration.campaignId !== state.campaignId) throw rejectDecision('The booking belongs to another campaign', 'InvalidDecision');
        if (state.bookings.some((b) => b.collaborationId === collaboration.collaborationId)) {
          throw rejectDecision(`Collaboration ${collaboration.collaborationId} is already booked on this campaign`, 'WrongStage');
        }
      },
    },
  );

  setHandler(
    closeBookingsUpdate,
    async ({ actor, reason }: CloseBookingsInput) => {
      state.status = 'closed';
      state.closedAt = now();
      await record('campaign.closed', { actor, reason }, 'closed');
      return state;
    },
    {
      validator: ({ actor }: CloseBookingsInput) => {
        if (!actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(actor, MAY_CLOSE_OR_CANCEL, 'close a campaign to bookings');
        requireTakingBookings(state);
      },
    },
  );

  setHandler(
    cancelCampaignUpdate,
    async ({ actor, reason }: CancelCampaignInput) => {
      state.status = 'cancelled';
      state.cancellation = { actor, reason, at: now() };
      await record('campaign.cancelled', { status: 'cancelled', actor, reason }, 'cancelled');
      await condition(() => starting === 0);
      // Each collaboration still running compensates on its own (kill fee, voided contracts, released
      // exclusivity) and reports back how it ended; one whose content is live goes on to be paid.
      await Promise.all(
        state.bookings
          .filter((b) => !b.outcome)
          .map((b) =>
            getExternalWorkflowHandle(b.workflowId)
              .signal(campaignCancelledSignal, { actor, reason })
              // Ended meanwhile: its own bookingEnded signal is on its way.
              .catch(() => undefined),
          ),
      );
      return state;
    },
    {
      validator: ({ actor, reason }: CancelCampaignInput) => {
        if (!actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(actor, MAY_CLOSE_OR_CANCEL, 'cancel a campaign');
        if (state.status === 'cancelled' || state.status === 'completed') throw rejectDecision(`The campaign is already ${state.status}`, 'WrongStage');
        requireReason(reason);
      },
    },
  );

  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const historyFull = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;
  const ended = () => state.status !== 'active' && starting === 0 && state.bookings.every((b) => b.outcome !== undefined);

  for (;;) {
    if (state.status === 'active') {
      const waitingFor = closesAt;
      const untilClose = Date.parse(waitingFor) - Date.now();
      const woken = untilClose > 0 && (await condition(() => state.status !== 'active' || historyFull() || closesAt !== waitingFor, untilClose));
      if (closesAt !== waitingFor) continue;
      if (!woken && state.status === 'active') {
        state.status = 'closed';
        state.closedAt = now();
        await record('campaign.closed', { reason: 'The campaign end date has passed' }, 'closed');
      }
    } else {
      await condition(() => ended() || historyFull());
    }
    if (ended()) break;
    if (historyFull()) {
      await condition(() => allHandlersFinished() && starting === 0);
      await continueAsNew<typeof campaignWorkflow>({ ...input, closesAt, carried: state });
    }
  }

  await condition(allHandlersFinished);
  if (state.status !== 'cancelled') state.status = 'completed';
  state.summary = await campaignActivities.recordCampaignOutcome({
    campaignId: state.campaignId,
    status: state.status,
    at: now(),
    eventKey: `campaign-${state.campaignId}:ended`,
  });
  return state;
}

function requireTakingBookings(state: CampaignState): void {
  if (state.status === 'closed') throw rejectDecision('The campaign is closed to new bookings', 'WrongStage');
  if (state.status !== 'active') throw rejectDecision(`The campaign is ${state.status}; it takes no more bookings`, 'WrongStage');
}
