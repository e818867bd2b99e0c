import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DEFAULT_MARGIN_FLOOR_BPS } from '../../libs/domain/rules/margin';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { commercialCheck, termsProblems, type TermsParty } from '../../libs/domain/rules/terms';
import { activities, type Booking } from '../booking';
import { waitOrEscalate } from '../deadlines';
import { acceptTermsUpdate, approveCommercialsUpdate, counterOfferUpdate, proposeTermsUpdate, type TermsInput } from '../messages';
import { rejectDecision, requireReason, requireRole, requireStage } from './decisions';

const MAY_NEGOTIATE = DECISION_ROLES.negotiate;
const MAY_APPROVE = DECISION_ROLES.approveCommercials;

function negotiation(booking: Booking) {
  booking.state.negotiation ??= { offers: [] };
  return booking.state.negotiation;
}

function requireOpenNegotiation(booking: Booking, what: string): void {
  requireStage(booking, CollaborationStage.Negotiating, what);
  if (booking.state.negotiation?.agreed) throw rejectDecision('Terms are already agreed', 'WrongStage');
}

/** Offers, acceptance and the margin-exception approval, for the whole run. */
export function handleNegotiation(booking: Booking): void {
  const offer = (party: TermsParty) => ({
    handler: ({ actor, terms }: TermsInput) => {
      negotiation(booking).offers.push({ party, terms, actor, at: booking.now() });
      booking.record(party === 'agency' ? 'terms.proposed' : 'terms.countered', actor);
      return booking.state;
    },
    validator: (input: TermsInput) => {
      if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
      requireRole(input.actor, MAY_NEGOTIATE, party === 'agency' ? 'propose terms' : 'record a counter-offer');
      requireOpenNegotiation(booking, party === 'agency' ? 'Terms can only be proposed' : 'A counter-offer can only be recorded');
      const problems = termsProblems(input.terms, booking.input.currency ?? input.terms?.currency);
      if (problems.length) throw rejectDecision(`The terms are not acceptable: ${problems.join('; ')}`, 'InvalidDecision');
    },
  });
  const agency = offer('agency');
  setHandler(proposeTermsUpdate, agency.handler, { validator: agency.validator });
  const creator = offer('creator');
  setHandler(counterOfferUpdate, creator.handler, { validator: creator.validator });

  setHandler(
    acceptTermsUpdate,
    async ({ actor }) => {
      const current = negotiation(booking);
      const onTable = current.offers[current.offers.length - 1];
      const check = commercialCheck(onTable.terms, booking.input.marginFloorBps ?? DEFAULT_MARGIN_FLOOR_BPS);
      current.agreed = { terms: onTable.terms, marginBps: check.marginBps, floorBps: check.floorBps, acceptedBy: actor, at: booking.now() };
      current.approvalNeeded = check.needsApproval;
      booking.record('terms.accepted', actor, `margin ${check.marginBps / 100}% (floor ${check.floorBps / 100}%)`);
      // Answer once the agreed terms are on the row (and, above the floor, the booking has moved on).
      await condition(() => booking.termsRecorded && (check.needsApproval || booking.projectedStage !== CollaborationStage.Negotiating));
      return booking.state;
    },
    {
      validator: (input) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_NEGOTIATE, 'accept terms');
        requireOpenNegotiation(booking, 'Terms can only be accepted');
        if (!booking.state.negotiation?.offers.length) throw rejectDecision('There are no terms on the table to accept', 'WrongStage');
      },
    },
  );

  setHandler(
    approveCommercialsUpdate,
    async ({ actor, reason }) => {
      negotiation(booking).approval = { actor, reason, at: booking.now() };
      booking.record('commercials.approved', actor, reason);
      await condition(() => booking.projectedStage !== CollaborationStage.Negotiating);
      return booking.state;
    },
    {
      validator: (input) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_APPROVE, 'approve commercials below the margin floor');
        requireStage(booking, CollaborationStage.Negotiating, 'Commercials can only be approved');
        // Segregation of duties (docs/domain.md#roles): nobody approves an exception on their own booking.
        if (input.actor.userId === booking.input.talentManagerId) {
          throw rejectDecision("A margin exception cannot be approved by the booking's own talent manager", 'Forbidden');
        }
        const current = booking.state.negotiation;
        if (!current?.agreed) throw rejectDecision('No terms are agreed yet', 'WrongStage');
        if (!current.approvalNeeded) throw rejectDecision('The agreed margin is not below the floor; no approval is needed', 'WrongStage');
        if (current.approval) throw rejectDecision('The commercials are already approved', 'WrongStage');
        requireReason(input.reason);
      },
    },
  );
}

/**
 * NEGOTIATING: offers and counter-offers until one side accepts. NEGOTIATION_STALLED when no
 * terms are agreed in time (extend or drop). Terms below the campaign's margin floor wait for a
 * manager's approval (never the booking's own talent manager).
 */
export async function negotiating(booking: Booking): Promise<void> {
  const window = booking.input.sla.negotiation ?? DEFAULT_SLA_POLICY.negotiation;
  await booking.enter(CollaborationStage.Negotiating, (b) => [b.deadline('negotiation', window)]);
  if (!patched('negotiation')) {
    // Bookings that reached this stage before negotiation existed hold here, as they did then.
    await condition(() => booking.stage !== CollaborationStage.Negotiating);
    return;
  }
  await waitOrEscalate(booking, {
    done: () => booking.state.negotiation?.agreed !== undefined,
    escalateAfter: window,
    escalation: {
      kind: EscalationKind.NegotiationStalled,
      severity: EscalationSeverity.Medium,
      summary: 'No terms have been agreed within the negotiation window; extend it or drop the booking.',
    },
    deadlineName: 'negotiation',
    lateReason: 'Terms were agreed after the deadline',
  });

  const deal = booking.state.negotiation!.agreed!;
  await activities.recordTerms({
    collaborationId: booking.input.collaborationId,
    terms: deal.terms,
    marginBps: deal.marginBps,
    actor: deal.acceptedBy,
    at: deal.at,
    eventKey: booking.eventKey('terms-agreed'),
  });
  booking.termsRecorded = true;
  if (booking.state.negotiation!.approvalNeeded) {
    await condition(() => booking.state.negotiation!.approval !== undefined);
    const approval = booking.state.negotiation!.approval!;
    await activities.recordCommercialsApproval({
      collaborationId: booking.input.collaborationId,
      marginBps: deal.marginBps,
      floorBps: deal.floorBps,
      actor: approval.actor,
      reason: approval.reason,
      at: approval.at,
      eventKey: booking.eventKey('commercials-approved'),
    });
  }
}
