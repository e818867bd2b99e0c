import { CollaborationStage } from '../../../libs/domain/rules/stages';
import { FACTOR_NAMES } from '../../../libs/domain/rules/recommendation';
import { ACTOR, instant, integer, list, mapOf, nullable, number, object, oneOf, record, text, uuid } from '../common/answer-schemas';

/** What the campaign's workflow says about itself (workflows/campaign-messages.ts `CampaignState`): the answer of closing and cancelling. */
export const CAMPAIGN_STATE = object(
  {
    campaignId: uuid(),
    status: oneOf(['active', 'closed', 'cancelled', 'completed'], 'active: takes collaborations; closed: takes none, ends when its collaborations end; cancelled / completed: ended'),
    bookings: list(
      object(
        { collaborationId: uuid(), workflowId: text(), bookedAt: instant(), bookedBy: ACTOR },
        { outcome: oneOf(Object.values(CollaborationStage), 'The terminal stage it ended in, once it has'), endedAt: instant() },
      ),
    ),
    runs: integer('How many runs the workflow has continued through'),
  },
  {
    closedAt: instant(),
    cancellation: object({ actor: ACTOR, reason: text(), at: instant() }),
    summary: object(
      {
        bookings: integer(),
        byOutcome: mapOf(integer(), 'Bookings per terminal stage'),
        currency: text(),
        billedMinor: integer(),
        feesPaidMinor: integer(),
        killFeesMinor: integer(),
        marginBps: nullable(integer()),
        escalations: integer(),
      },
      {},
      'Recorded when the campaign ends',
    ),
  },
);

/** GET /campaigns/{id}/state: the row, and the workflow's state when Temporal answered. */
export const CAMPAIGN_VIEW = object({ campaign: record('Campaign'), live: nullable(CAMPAIGN_STATE) }, { liveError: text('Why the live state is missing') });

/** A team's ranking weights: every factor, each 0–1, summing to 1. */
export const FACTOR_WEIGHTS = object(Object.fromEntries(FACTOR_NAMES.map((name) => [name, number()])));
