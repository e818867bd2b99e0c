import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type Booking } from '../booking';
import { waitOrEscalate } from '../deadlines';
import { recordSignatureUpdate, type RecordSignatureInput } from '../messages';
import { rejectDecision, requireRole, requireStage } from './decisions';

/** Talent managers record the creator's signature; only managers sign for the agency. */
const MAY_RECORD_CREATOR_SIGNATURE = DECISION_ROLES.recordCreatorSignature;
const MAY_SIGN_FOR_AGENCY = DECISION_ROLES.signForAgency;

export function allExecuted(booking: Booking): boolean {
  const contracts = booking.state.contracts;
  return !!contracts && contracts.length > 0 && contracts.every((c) => c.agencySignedAt !== undefined);
}

export function handleSignatures(booking: Booking): void {
  setHandler(
    recordSignatureUpdate,
    async (input: RecordSignatureInput) => {
      if (!booking.state.contracts) {
        // Accepted while the contracts were being drawn up: checked in full once they are known.
        await condition(() => booking.state.contracts !== undefined || booking.stage !== CollaborationStage.Contracting);
        requireStage(booking, CollaborationStage.Contracting, 'Contracts can only be signed');
        checkSignature(booking, input);
      }
      const { actor, contractId, party } = input;
      const contract = booking.state.contracts!.find((c) => c.contractId === contractId)!;
      const at = booking.now();
      // Marked before the activity runs, so a concurrent duplicate is refused by the validator.
      if (party === 'creator') contract.creatorSignedAt = at;
      else contract.agencySignedAt = at;
      await activities.recordSignature({
        contractId,
        collaborationId: booking.input.collaborationId,
        party,
        actor,
        at,
        eventKey: booking.eventKey(`signature:${contractId}:${party}`),
      });
      booking.record(`contract.signed_by_${party}`, actor, contract.kind);
      await booking.projectionCaughtUp();
      return booking.state;
    },
    {
      validator: (input: RecordSignatureInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        if (input.party !== 'creator' && input.party !== 'agency') throw rejectDecision('party must be creator or agency', 'InvalidDecision');
        requireRole(input.actor, input.party === 'creator' ? MAY_RECORD_CREATOR_SIGNATURE : MAY_SIGN_FOR_AGENCY, input.party === 'creator' ? "record the creator's signature" : 'sign for the agency');
        requireStage(booking, CollaborationStage.Contracting, 'Contracts can only be signed');
        // The contracts are visible in the back office as soon as they are stored, a moment
        // before the workflow hears back from the activity; a signature sent in that moment waits.
        if (booking.contractsMayExist && !booking.state.contracts) return;
        checkSignature(booking, input);
      },
    },
  );
}

function checkSignature(booking: Booking, input: RecordSignatureInput): void {
  const contract = booking.state.contracts?.find((c) => c.contractId === input.contractId);
  if (!contract) throw rejectDecision(`Contract ${input.contractId} is not one of this booking's contracts`, 'InvalidDecision');
  if (input.documentHash !== contract.documentHash) {
    throw rejectDecision('The signed document is not the one sent: its hash differs from the contract on record', 'InvalidDecision');
  }
  if (input.party === 'creator' && contract.creatorSignedAt) throw rejectDecision(`The creator has already signed the ${contract.kind}`, 'WrongStage');
  if (input.party === 'agency') {
    if (!contract.creatorSignedAt) throw rejectDecision(`The creator has not signed the ${contract.kind} yet; the agency signs last`, 'WrongStage');
    if (contract.agencySignedAt) throw rejectDecision(`The agency has already signed the ${contract.kind}`, 'WrongStage');
  }
}

/**
 * CONTRACTING: the contracts are drawn up from the agreed terms (frozen and hashed) and sent;
 * a reminder, then CONTRACT_UNSIGNED (extend or drop) while any is unsigned. Exclusivity binds
 * the creator only once every contract is executed.
 */
export async function contracting(booking: Booking): Promise<void> {
  const reminder = booking.input.sla.contractReminder ?? DEFAULT_SLA_POLICY.contractReminder;
  const escalation = booking.input.sla.contractEscalation ?? DEFAULT_SLA_POLICY.contractEscalation;
  await booking.enter(CollaborationStage.Contracting, (b) => [b.deadline('contractReminder', reminder), b.deadline('contractEscalation', escalation)]);
  if (!patched('contracting')) {
    // Bookings that reached this stage before contracting existed hold here, as they did then.
    await condition(() => booking.stage !== CollaborationStage.Contracting);
    return;
  }
  booking.contractsMayExist = true;
  const prepared = await activities.prepareContracts({ collaborationId: booking.input.collaborationId, at: booking.now() });
  booking.state.contracts = prepared.map(({ contractId, kind, documentHash }) => ({ contractId, kind, documentHash }));
  booking.record('contracts.sent', undefined, prepared.map((c) => c.kind).join(', '));

  await waitOrEscalate(booking, {
    done: () => allExecuted(booking),
    reminder: { after: reminder, kind: 'CONTRACT_REMINDER', message: 'Contracts are waiting for signatures.' },
    escalateAfter: escalation,
    escalation: {
      kind: EscalationKind.ContractUnsigned,
      severity: EscalationSeverity.High,
      summary: 'Contracts are still unsigned after the agreed time; extend the deadline or drop the booking.',
    },
    deadlineName: 'contractEscalation',
    lateReason: 'The contracts were signed after the deadline',
  });

  const windowId = await activities.registerExclusivity({ collaborationId: booking.input.collaborationId, at: booking.now() });
  booking.record('contracts.executed', undefined, windowId ? 'exclusivity registered' : undefined);
}
