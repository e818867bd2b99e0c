import { Contract } from '../../../libs/domain/entities';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { ContractKind, ContractStatus } from '../../../libs/domain/rules/lifecycle';
import type { Actor, Role } from '../../../libs/domain/rules/roles';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import type { CollaborationState } from '../../../workflows/messages';
import { BOOKING_ACT } from '../back-office/access';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { collaborationIn, collaborationOf, decisionAction, mayTake, paramText, statusIn } from '../back-office/decision-action';
import type { Choice } from '../back-office/decision-form';
import { badge, choices, readOnly, related } from '../back-office/properties';
import { NAVIGATION, type Logger, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { ContractsService } from './contracts.service';

/**
 * Contracts in the panel: drawn up, hashed, signed and voided by the workflow only; people
 * record signatures, on their own (talent manager) or their team's (manager) collaborations.
 */

export type ContractsPort = Pick<ContractsService, 'recordSignature'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

const PARTIES: Record<'creator' | 'agency', { label: string; roles: readonly Role[] }> = {
  creator: { label: "The creator's signature (recorded by the talent manager)", roles: DECISION_ROLES.recordCreatorSignature },
  agency: { label: "The agency's signature (a manager)", roles: DECISION_ROLES.signForAgency },
};

/** The parties this user may record a signature for. */
export function partyChoices(actor: Actor | undefined): Choice[] {
  return (Object.keys(PARTIES) as Array<keyof typeof PARTIES>)
    .filter((party) => mayTake(PARTIES[party].roles, actor))
    .map((party) => ({ value: party, label: PARTIES[party].label }));
}

export function contractActions(port: ContractsPort, logger: Logger): Actions {
  return {
    recordSignature: decisionAction<CollaborationState>(
      {
        name: 'recordSignature',
        icon: 'Edit3',
        roles: [...new Set([...DECISION_ROLES.recordCreatorSignature, ...DECISION_ROLES.signForAgency])],
        availableWhen: (record, actor) =>
          collaborationIn(record, CollaborationStage.Contracting) &&
          ((statusIn(record, ContractStatus.Sent) && mayTake(PARTIES.creator.roles, actor)) ||
            (statusIn(record, ContractStatus.SignedByCreator) && mayTake(PARTIES.agency.roles, actor))),
        form: {
          intro: "The creator signs first (recorded by the talent manager), then the agency (a manager). The document hash must be the one on the contract sent: a signature on any other document is refused.",
          submitLabel: 'Record signature',
          fields: [
            { name: 'party', label: 'Signature', kind: 'select', required: true },
            {
              name: 'documentHash',
              label: 'SHA-256 of the signed document',
              kind: 'text',
              required: true,
              maxLength: 64,
              pattern: { regex: /^[0-9a-f]{64}$/, message: 'The document hash must be a SHA-256 hex digest (64 characters 0-9, a-f)' },
            },
          ],
          defaults: (record) => ({
            party: paramText(record, 'status') === ContractStatus.SignedByCreator ? 'agency' : 'creator',
            documentHash: paramText(record, 'documentHash') ?? '',
          }),
          choices: (_record, actor) => ({ party: partyChoices(actor) }),
        },
        perform: (values, { id, params, actor, requestId, ...record }) =>
          port.recordSignature(
            collaborationOf({ id, params, ...record }),
            id,
            actor,
            { party: values.party as 'creator' | 'agency', documentHash: values.documentHash as string },
            requestId,
          ),
        outcome: (state, values) =>
          `${values.party === 'agency' ? "The agency's" : "The creator's"} signature is recorded — stage is now ${state.stage}`,
        failure: 'The signature could not be recorded',
      },
      logger,
    ),
  };
}

export function contractPanel(deps: SpecDependencies & { contracts: ContractsPort }): PanelResource {
  return {
    entity: Contract,
    id: 'Contract',
    label: 'Contracts',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'collaborationId', 'status', 'creatorSignedAt', 'agencySignedAt', 'createdAt'],
    show: ['id', 'collaborationId', 'kind', 'status', 'frozenTerms', 'documentHash', 'creatorSignedAt', 'agencySignedAt', 'voidedAt', 'voidReason', 'related', 'createdAt', 'updatedAt'],
    filter: ['collaborationId', 'kind', 'status', 'creatorSignedAt', 'agencySignedAt', 'createdAt'],
    scope: { owner: 'collaboration.talentManagerId', act: BOOKING_ACT },
    titleProperty: 'kind',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    structured: ['frozenTerms'],
    properties: {
      kind: { ...choices(Object.values(ContractKind)), ...readOnly },
      status: { ...badge('contract'), ...readOnly },
      voidReason: { type: 'textarea' },
      related: related([{ label: 'Exclusivity windows', resourceId: 'ExclusivityWindow', filter: 'sourceContractId' }]),
    },
    propertyLabels: {
      collaborationId: 'Collaboration',
      frozenTerms: 'Terms as signed',
      documentHash: 'Document hash (SHA-256)',
      creatorSignedAt: 'Creator signed at',
      agencySignedAt: 'Agency signed at',
      voidedAt: 'Voided at',
      voidReason: 'Why voided',
      related: 'Related',
      createdAt: 'Drawn up at',
      updatedAt: 'Updated at',
    },
    actions: contractActions(deps.contracts, deps.logger),
    actionLabels: { recordSignature: 'Record signature' },
  };
}
