import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { waitOrEscalate } from '../deadlines';
import { recheckBeforeContracting } from './conflict-check';
import { recordSignatureUpdate, type RecordSignatureInput } from '../messages';
import { rejectDecision, requireDecider, requireRole, requireStage } from './decisions';

/** Talent managers record the creator's signature; only managers sign for the agency. */
const MAY_RECORD_CREATOR_SIGNATURE = DECISION_ROLES.recordCreatorSignature;
const MAY_SIGN_FOR_AGENCY = DECISION_ROLES.signForAgency;

export function allExecuted(collaboration: CollaborationLifecycle): boolean {
  const contracts = collaboration.state.contracts;
  return !!contracts && contracts.length > 0 && contracts.every((c) => c.agencySignedAt !== undefined);
}

export function handleSignatures(collaboration: CollaborationLifecycle): void {
  setHandler(
    recordSignatureUpdate,
    async (input: RecordSignatureInput) => {
      if (!collaboration.state.contracts) {
        // Accepted while the contracts were being drawn up: checked in full once they are known.
        await condition(() => collaboration.state.contracts !== undefined || collaboration.stage !== CollaborationStage.Contracting);
        requireStage(collaboration, CollaborationStage.Contracting, 'Contracts can only be signed');
        checkSignature(collaboration, input);
      }
      const { actor, contractId, party } = input;
      const contract = collaboration.state.contracts!.find((c) => c.contractId === contractId)!;
      const at = collaboration.now();
      // Marked before the activity runs, so a concurrent duplicate is refused by the validator.
      if (party === 'creator') contract.creatorSignedAt = at;
      else contract.agencySignedAt = at;
      await activities.recordSignature({
        contractId,
        collaborationId: collaboration.input.collaborationId,
        party,
        actor,
        at,
        eventKey: collaboration.eventKey(`signature:${contractId}:${party}`),
      });
      collaboration.record(`contract.signed_by_${party}`, actor, contract.kind);
      await collaboration.projectionCaughtUp();
      return collaboration.state;
    },
    {
      validator: (input: RecordSignatureInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        if (input.party !== 'creator' && input.party !== 'agency') throw rejectDecision('party must be creator or agency', 'InvalidDecision');
        if (input.party === 'creator') requireDecider(collaboration, input.actor, MAY_RECORD_CREATOR_SIGNATURE, 'recordCreatorSignature', "record the creator's signature");
        else requireRole(input.actor, MAY_SIGN_FOR_AGENCY, 'sign for the agency');
        requireStage(collaboration, CollaborationStage.Contracting, 'Contracts can only be signed');
        // The contracts are visible in the back office as soon as they are stored, a moment
        // before the workflow hears back from the activity; a signature sent in that moment waits.
        if (collaboration.contractsMayExist && !collaboration.state.contracts) return;
        checkSignature(collaboration, input);
      },
    },
  );
}

function checkSignature(collaboration: CollaborationLifecycle, input: RecordSignatureInput): void {
  const contract = collaboration.state.contracts?.find((c) => c.contractId === input.contractId);
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
 * CONTRACTING: conflicts checked again (the negotiated exclusivity included; CONFLICT when
 * blocking), then the contracts are drawn up from the agreed terms (frozen and hashed) and sent;
 * a reminder, then CONTRACT_UNSIGNED (extend or drop) while any is unsigned. Exclusivity binds
 * the creator only once every contract is executed.
 */
export async function contracting(collaboration: CollaborationLifecycle): Promise<void> {
  const reminder = collaboration.input.sla.contractReminder ?? DEFAULT_SLA_POLICY.contractReminder;
  const escalation = collaboration.input.sla.contractEscalation ?? DEFAULT_SLA_POLICY.contractEscalation;
  await collaboration.enter(CollaborationStage.Contracting, (b) => [b.deadline('contractReminder', reminder), b.deadline('contractEscalation', escalation)]);
  if (!patched('contracting')) {
    // Collaborations that reached this stage before contracting existed hold here, as they did then.
    await condition(() => collaboration.stage !== CollaborationStage.Contracting);
    return;
  }
  if (patched('conflict-recheck-before-contracting') && (await recheckBeforeContracting(collaboration))) {
    // Overridden: the contract deadlines count from now, not from before the escalation.
    await collaboration.moveDeadlines([collaboration.deadline('contractReminder', reminder), collaboration.deadline('contractEscalation', escalation)]);
  }
  collaboration.contractsMayExist = true;
  const prepared = await activities.prepareContracts({ collaborationId: collaboration.input.collaborationId, at: collaboration.now() });
  collaboration.state.contracts = prepared.map(({ contractId, kind, documentHash }) => ({ contractId, kind, documentHash }));
  collaboration.record('contracts.sent', undefined, prepared.map((c) => c.kind).join(', '));

  await waitOrEscalate(collaboration, {
    done: () => allExecuted(collaboration),
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

  const windowId = await activities.registerExclusivity({ collaborationId: collaboration.input.collaborationId, at: collaboration.now() });
  collaboration.record('contracts.executed', undefined, windowId ? 'exclusivity registered' : undefined);
}
