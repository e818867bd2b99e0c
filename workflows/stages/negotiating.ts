import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DEFAULT_MARGIN_FLOOR_BPS, marginExceptionMinor } from '../../libs/domain/rules/margin';
import { Role, type Actor } from '../../libs/domain/rules/roles';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { commercialCheck, termsProblems, type TermsParty } from '../../libs/domain/rules/terms';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { waitOrEscalate } from '../deadlines';
import { acceptTermsUpdate, approveCommercialsUpdate, counterOfferUpdate, proposeTermsUpdate, type TermsInput } from '../messages';
import { isParty } from '../../libs/domain/rules/roles';
import { rejectDecision, requireDecider, requireReason, requireRole, requireStage } from './decisions';

const MAY_NEGOTIATE = DECISION_ROLES.negotiate;

/**
 * Checks an approval against the approver's limit. Above it, the approval is kept as an
 * endorsement and the next manager up the team tree is awaited; returns true then.
 */
async function endorsedAboveLimit(collaboration: CollaborationLifecycle, actor: Actor, reason: string): Promise<boolean> {
  const current = negotiation(collaboration);
  const deal = current.agreed!;
  const at = collaboration.now();
  collaboration.approvalBeingChecked = true;
  let authority: { withinLimit: boolean; nextApproverId: string | null };
  try {
    authority = await activities.commercialsApprovalAuthority({
      collaborationId: collaboration.input.collaborationId,
      approver: actor,
      exceptionMinor: marginExceptionMinor(deal.terms.brandPriceMinor, deal.terms.creatorFeeMinor, deal.floorBps),
      currency: deal.terms.currency,
      reason,
      at,
      eventKey: collaboration.eventKey(`commercials-endorsed:${(current.endorsements ?? []).length + 1}`),
    });
  } finally {
    collaboration.approvalBeingChecked = false;
  }
  if (authority.withinLimit) return false;
  current.endorsements = [...(current.endorsements ?? []), { actor, reason, at }];
  current.approvalAwaitedFrom = authority.nextApproverId ?? 'admin';
  collaboration.record('commercials.endorsed', actor, `above the approver's limit; awaiting ${current.approvalAwaitedFrom}`);
  return true;
}
const MAY_APPROVE = DECISION_ROLES.approveCommercials;

function negotiation(collaboration: CollaborationLifecycle) {
  collaboration.state.negotiation ??= { offers: [] };
  return collaboration.state.negotiation;
}

function requireOpenNegotiation(collaboration: CollaborationLifecycle, what: string): void {
  requireStage(collaboration, CollaborationStage.Negotiating, what);
  if (collaboration.state.negotiation?.agreed) throw rejectDecision('Terms are already agreed', 'WrongStage');
}

/** Offers, acceptance and the margin-exception approval, for the whole run. */
export function handleNegotiation(collaboration: CollaborationLifecycle): void {
  const offer = (party: TermsParty) => ({
    handler: ({ actor, terms }: TermsInput) => {
      negotiation(collaboration).offers.push({ party, terms, actor, at: collaboration.now() });
      collaboration.record(party === 'agency' ? 'terms.proposed' : 'terms.countered', actor);
      return collaboration.state;
    },
    validator: (input: TermsInput) => {
      if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
      if (party === 'agency') requireRole(input.actor, MAY_NEGOTIATE, 'propose terms');
      else requireDecider(collaboration, input.actor, MAY_NEGOTIATE, 'counterOffer', 'record a counter-offer');
      requireOpenNegotiation(collaboration, party === 'agency' ? 'Terms can only be proposed' : 'A counter-offer can only be recorded');
      const problems = termsProblems(input.terms, collaboration.input.currency ?? input.terms?.currency);
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
      const current = negotiation(collaboration);
      const onTable = current.offers[current.offers.length - 1];
      const check = commercialCheck(onTable.terms, collaboration.input.marginFloorBps ?? DEFAULT_MARGIN_FLOOR_BPS);
      current.agreed = { terms: onTable.terms, marginBps: check.marginBps, floorBps: check.floorBps, acceptedBy: actor, at: collaboration.now() };
      current.approvalNeeded = check.needsApproval;
      collaboration.record('terms.accepted', actor, `margin ${check.marginBps / 100}% (floor ${check.floorBps / 100}%)`);
      // Answer once the agreed terms are on the row (and, above the floor, the collaboration has moved on).
      await condition(() => collaboration.termsRecorded && (check.needsApproval || collaboration.projectedStage !== CollaborationStage.Negotiating));
      return collaboration.state;
    },
    {
      validator: (input) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireDecider(collaboration, input.actor, MAY_NEGOTIATE, 'acceptTerms', 'accept terms');
        requireOpenNegotiation(collaboration, 'Terms can only be accepted');
        const offers = collaboration.state.negotiation?.offers ?? [];
        if (!offers.length) throw rejectDecision('There are no terms on the table to accept', 'WrongStage');
        // The creator accepts the agency's terms, never their own counter-offer.
        if (isParty(input.actor.role) && offers[offers.length - 1].party !== 'agency') {
          throw rejectDecision('The terms on the table are your own counter-offer; the agency answers it', 'WrongStage');
        }
      },
    },
  );

  setHandler(
    approveCommercialsUpdate,
    async ({ actor, reason }) => {
      if (collaboration.approvalLimitsApply) {
        const endorsed = await endorsedAboveLimit(collaboration, actor, reason);
        if (endorsed) return collaboration.state;
      }
      negotiation(collaboration).approval = { actor, reason, at: collaboration.now() };
      collaboration.record('commercials.approved', actor, reason);
      await condition(() => collaboration.projectedStage !== CollaborationStage.Negotiating);
      return collaboration.state;
    },
    {
      validator: (input) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_APPROVE, 'approve commercials below the margin floor');
        requireStage(collaboration, CollaborationStage.Negotiating, 'Commercials can only be approved');
        // Segregation of duties (docs/domain.md#roles): nobody approves an exception on their own collaboration.
        if (input.actor.userId === collaboration.talentManagerId) {
          throw rejectDecision("A margin exception cannot be approved by the booking's own talent manager", 'Forbidden');
        }
        const current = collaboration.state.negotiation;
        if (!current?.agreed) throw rejectDecision('No terms are agreed yet', 'WrongStage');
        if (!current.approvalNeeded) throw rejectDecision('The agreed margin is not below the floor; no approval is needed', 'WrongStage');
        if (current.approval) throw rejectDecision('The commercials are already approved', 'WrongStage');
        if (collaboration.approvalBeingChecked) throw rejectDecision("An approval is being checked against the approver's limit", 'WrongStage');
        if (current.endorsements?.some((e) => e.actor.userId === input.actor.userId)) {
          throw rejectDecision('You have already approved; the exception is above your approval limit', 'Forbidden');
        }
        const awaited = current.approvalAwaitedFrom;
        if (awaited && input.actor.role !== Role.Admin && input.actor.userId !== awaited) {
          throw rejectDecision(
            awaited === 'admin'
              ? 'The exception is above the approval limits of the managers up the team tree; an admin must approve it'
              : `The exception is above the last approver's limit; awaiting approval from user ${awaited}`,
            'Forbidden',
          );
        }
        requireReason(input.reason);
      },
    },
  );
}

/**
 * NEGOTIATING: offers and counter-offers until one side accepts. NEGOTIATION_STALLED when no
 * terms are agreed in time (extend or drop). Terms below the campaign's margin floor wait for a
 * manager's approval (never the collaboration's own talent manager).
 */
export async function negotiating(collaboration: CollaborationLifecycle): Promise<void> {
  const window = collaboration.input.sla.negotiation ?? DEFAULT_SLA_POLICY.negotiation;
  // Decided before any terms can be agreed, so no approval slips past the check. Runs from before
  // approval limits take the first manager's approval as final, as they did then.
  collaboration.approvalLimitsApply = patched('approval-limits');
  await collaboration.enter(CollaborationStage.Negotiating, (b) => [b.deadline('negotiation', window)]);
  if (!patched('negotiation')) {
    // Collaborations that reached this stage before negotiation existed hold here, as they did then.
    await condition(() => collaboration.stage !== CollaborationStage.Negotiating);
    return;
  }
  // Runs from before every wait reminded escalate without a reminder, as they did then.
  const reminds = patched('remind-before-every-escalation');
  await waitOrEscalate(collaboration, {
    done: () => collaboration.state.negotiation?.agreed !== undefined,
    ...(reminds ? { reminder: { after: collaboration.sla.negotiationReminder, kind: 'NEGOTIATION_REMINDER', message: 'No terms are agreed with the creator yet.' } } : {}),
    escalateAfter: window,
    escalation: {
      kind: EscalationKind.NegotiationStalled,
      severity: EscalationSeverity.Medium,
      summary: 'No terms have been agreed within the negotiation window; extend it or drop the booking.',
    },
    deadlineName: 'negotiation',
    lateReason: 'Terms were agreed after the deadline',
  });

  const deal = collaboration.state.negotiation!.agreed!;
  await activities.recordTerms({
    collaborationId: collaboration.input.collaborationId,
    terms: deal.terms,
    marginBps: deal.marginBps,
    actor: deal.acceptedBy,
    at: deal.at,
    eventKey: collaboration.eventKey('terms-agreed'),
  });
  collaboration.termsRecorded = true;
  if (collaboration.state.negotiation!.approvalNeeded) {
    await awaitCommercialsApproval(collaboration, reminds);
    const approval = collaboration.state.negotiation!.approval!;
    await activities.recordCommercialsApproval({
      collaborationId: collaboration.input.collaborationId,
      marginBps: deal.marginBps,
      floorBps: deal.floorBps,
      actor: approval.actor,
      reason: approval.reason,
      at: approval.at,
      eventKey: collaboration.eventKey('commercials-approved'),
    });
  }
}

/**
 * Terms below the floor wait for a manager's approval: the approver is reminded, then
 * COMMERCIALS_APPROVAL_OVERDUE (extend or drop). Runs from before this timer existed wait
 * without one, as they did then.
 */
async function awaitCommercialsApproval(collaboration: CollaborationLifecycle, timed: boolean): Promise<void> {
  const approved = () => collaboration.state.negotiation!.approval !== undefined;
  if (!timed) {
    await condition(approved);
    return;
  }
  const { commercialsApprovalReminder, commercialsApproval } = collaboration.sla;
  await collaboration.moveDeadlines([collaboration.deadline('commercialsApproval', commercialsApproval)]);
  await waitOrEscalate(collaboration, {
    done: approved,
    reminder: {
      after: commercialsApprovalReminder,
      kind: 'COMMERCIALS_APPROVAL_REMINDER',
      message: 'Agreed terms below the margin floor are waiting for your approval.',
      recipient: 'approver',
    },
    escalateAfter: commercialsApproval,
    escalation: {
      kind: EscalationKind.CommercialsApprovalOverdue,
      severity: EscalationSeverity.Medium,
      summary: 'Agreed terms below the margin floor have waited too long for approval; extend the wait or drop the booking.',
    },
    deadlineName: 'commercialsApproval',
    lateReason: 'The commercials were approved after the deadline',
  });
}
