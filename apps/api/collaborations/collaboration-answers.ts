import { CollaborationStage } from '../../../libs/domain/rules/stages';
import { DeliverableStatus } from '../../../libs/domain/rules/lifecycle';
import { EscalationKind, EscalationResolution } from '../../../libs/domain/rules/escalations';
import { ACTOR, boolean, type Schema, instant, integer, json, list, nullable, object, oneOf, record, text, uuid } from '../common/answer-schemas';

/**
 * What the collaboration's workflow says about itself (its `state` query, workflows/messages.ts
 * `CollaborationState`): the answer of every decision on a collaboration, its contracts,
 * deliverables and escalations, and the `live` part of GET /collaborations/{id}.
 */
const STAGE = oneOf(Object.values(CollaborationStage));
const OPEN_ESCALATION = { escalationId: uuid(), kind: oneOf(Object.values(EscalationKind)), raisedAt: instant() };

const TERMS = object(
  {
    deliverables: list(json('Planned deliverables: type, platform, count, draftDueAt…')),
    brandPriceMinor: integer(),
    creatorFeeMinor: integer(),
    currency: text(),
    paymentNetDays: integer(),
    killFeeBps: integer(),
  },
  { usageRights: json('channels, durationDays, paidAmplification'), exclusivity: nullable(json('category, start, end')) },
);

const DRAFT = object(
  { version: integer(), compliant: boolean(), violations: list(object({ rule: text(), message: text() }, { guideline: text() })) },
  { decision: oneOf(['approved', 'changes_requested']), feedback: text(), acceptedAsIs: boolean() },
);

const DEADLINE = object({ name: text('What lapses, e.g. briefAckReminder'), stage: STAGE, dueAt: instant() });

const PAYOUT = object(
  { workflowId: text() },
  { status: text(), paidAt: instant(), providerReference: text() },
  'Status, paid date and provider reference only for users with money reach (finance, admins, the booking’s own talent manager and their managers)',
);

const DELIVERABLE = {
  deliverableId: uuid(),
  type: text(),
  platform: text(),
  draftDueAt: instant(),
  status: oneOf(Object.values(DeliverableStatus).filter((status) => status !== DeliverableStatus.Planned)),
  revisionCount: integer(),
  maxRevisions: integer(),
  drafts: list(DRAFT),
};
const DELIVERABLE_OPTIONAL = { scheduledPostAt: instant(), liveUrl: text() };

export const COLLABORATION_STATE = object(
  {
    collaborationId: uuid(),
    stage: STAGE,
    deadlines: list(DEADLINE),
    openEscalations: list(object(OPEN_ESCALATION)),
    history: list(object({ at: instant(), event: text(), stage: STAGE }, { actor: ACTOR, detail: text() })),
    resolvedEscalations: list(
      object({ ...OPEN_ESCALATION, resolution: oneOf(Object.values(EscalationResolution)), reason: text(), resolvedAt: instant() }, { actor: ACTOR }),
    ),
  },
  {
    briefAcknowledgedAt: instant(),
    dropout: object({ actor: ACTOR, reason: text(), at: instant() }),
    negotiation: object(
      { offers: list(object({ party: oneOf(['agency', 'creator']), terms: TERMS, actor: ACTOR, at: instant() }), 'Every offer in order; the last one is on the table') },
      {
        agreed: object({ terms: TERMS, marginBps: integer(), floorBps: integer(), acceptedBy: ACTOR, at: instant() }),
        approvalNeeded: boolean('The agreed margin is below the floor until a manager approves'),
        approval: object({ actor: ACTOR, reason: text(), at: instant() }),
        endorsements: list(object({ actor: ACTOR, reason: text(), at: instant() }), 'Managers who approved above their own limit, in order (docs/domain.md#approval-limits)'),
        approvalAwaitedFrom: text('Whose approval is awaited now: a user id, or "admin" when nobody is above the last endorser'),
      },
    ),
    killFeeMinor: integer('Requested on a dropout after execution'),
    payout: PAYOUT,
    measurements: list(object({ label: text(), at: instant(), captured: integer(), withoutData: integer() })),
    deliverables: list(object(DELIVERABLE, { ...DELIVERABLE_OPTIONAL, verifiedAt: instant(), postProblems: list(text()) })),
    contracts: list(object({ contractId: uuid(), kind: text(), documentHash: text('SHA-256 of the frozen terms') }, { creatorSignedAt: instant(), agencySignedAt: instant() })),
    conflicts: list(object({ kind: text(), severity: oneOf(['blocking', 'warning']), message: text() })),
    licenceEnds: list(object({ name: text('usageRightsExpiry or exclusivityEnd'), dueAt: instant() }), 'When the usage licence and the exclusivity end, once their timers run from go-live'),
  },
  "The workflow's live state",
);

/** An open risk kept beside the booking, e.g. UNDERPERFORMING while its creator carries an underperformer flag (docs/metrics.md#underperformer-flags). */
const RISK_FLAG = object({ kind: text('UNDERPERFORMING'), detail: text('What is low, against what, since when'), raisedAt: instant(), sourceFlagId: uuid('The underperformer flag behind it') });

/** GET /collaborations/{id}?live=true: the row, and the workflow's state when Temporal answered. */
export const COLLABORATION_VIEW = object(
  { collaboration: record('Collaboration'), live: nullable(COLLABORATION_STATE), riskFlags: list(RISK_FLAG, 'Open risks on the booking') },
  { liveError: text('Why the live state is missing') },
  'With live=true: the workflow asked through a Temporal query',
);

/**
 * The part of the live state the workflow projects onto the database (apps/api/collaborations/collaboration-projection.ts,
 * docs/projections.md), in the same shape.
 */
export const PROJECTED_STATE = object(
  { collaborationId: uuid(), stage: STAGE, deadlines: list(DEADLINE), openEscalations: list(object(OPEN_ESCALATION)) },
  { deliverables: list(object(DELIVERABLE, DELIVERABLE_OPTIONAL)), payout: PAYOUT },
  'The state as the workflow projected it onto the database, written before its decisions answer',
);

/** GET /collaborations/{id}: the row and the projected state, read without asking the workflow. */
export const COLLABORATION_PROJECTED_VIEW = object(
  {
    collaboration: record('Collaboration'),
    state: PROJECTED_STATE,
    stateAsOf: instant('When the newest row the state was read from was written'),
    riskFlags: list(RISK_FLAG, 'Open risks on the booking'),
  },
  {},
  'Without live: read from the database, no Temporal query',
);

/** GET /collaborations/{id}: projected by default, the workflow's own answer with live=true. */
export const COLLABORATION_READ = { oneOf: [COLLABORATION_PROJECTED_VIEW, COLLABORATION_VIEW] } as Schema;
