import { DECISION_ROLES } from '../../../../libs/domain/rules/decision-roles';
import { EscalationKind, EscalationResolution, EscalationStatus, RESOLUTIONS_BY_KIND } from '../../../../libs/domain/rules/escalations';
import { ContractStatus, DeliverableStatus, PayoutStatus } from '../../../../libs/domain/rules/lifecycle';
import { Role, type Actor } from '../../../../libs/domain/rules/roles';
import { CollaborationStage } from '../../../../libs/domain/rules/stages';
import { CampaignStatus } from '../../../../libs/domain/rules/statuses';
import type { CampaignState } from '../../../../workflows/campaign-messages';
import type { CollaborationState, DeliverableProgress } from '../../../../workflows/messages';
import type { PayoutState } from '../../../../workflows/payout-messages';
import type { Action, ActionResponse } from '../adminjs-types';
import type { Logger } from '../resource-spec';
import { bookingStage, decisionAction, paramText, RecordView } from './decision-action';
import { Choice, choicesOf, DURATION, FormField, HTTPS_URL } from './form';
import type { CampaignDecisions, CollaborationDecisions } from './ports';

type Actions = Record<string, Partial<Action<ActionResponse>>>;

const collaborationOf = (record: RecordView): string => {
  const id = paramText(record, 'collaborationId');
  if (!id) throw new Error(`Record ${record.id} belongs to no collaboration`);
  return id;
};
/** The booking's stage when known (its reference is populated), else no objection. */
const bookingIn = (record: RecordView, stage: CollaborationStage) => {
  const current = bookingStage(record);
  return current === undefined || current === stage;
};
const statusIn = (record: RecordView, ...statuses: string[]) => statuses.includes(paramText(record, 'status') ?? '');
const may = (roles: readonly Role[], actor: Actor | undefined) => !!actor && roles.includes(actor.role);

const YES_NO: Choice[] = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
];
const paidLabelField: FormField = {
  name: 'paidPartnershipLabel',
  label: "Platform's paid-partnership label is on",
  kind: 'select',
  options: YES_NO,
  help: 'Counts as disclosure where the market allows it',
};
const yes = (value: unknown) => (value === 'yes' ? true : value === 'no' ? false : undefined);

function progressOf(state: CollaborationState, deliverableId: string): DeliverableProgress | undefined {
  return state.deliverables?.find((d) => d.deliverableId === deliverableId);
}

// ---------------------------------------------------------------------------------------------
// Contract

const PARTIES: Record<'creator' | 'agency', { label: string; roles: readonly Role[] }> = {
  creator: { label: "The creator's signature (recorded by the talent manager)", roles: DECISION_ROLES.recordCreatorSignature },
  agency: { label: "The agency's signature (a manager)", roles: DECISION_ROLES.signForAgency },
};

/** The parties this user may record a signature for. */
export function partyChoices(actor: Actor | undefined): Choice[] {
  return (Object.keys(PARTIES) as Array<keyof typeof PARTIES>)
    .filter((party) => may(PARTIES[party].roles, actor))
    .map((party) => ({ value: party, label: PARTIES[party].label }));
}

export function contractActions(port: CollaborationDecisions, logger: Logger): Actions {
  return {
    recordSignature: decisionAction<CollaborationState>(
      {
        name: 'recordSignature',
        icon: 'Edit3',
        roles: [...new Set([...DECISION_ROLES.recordCreatorSignature, ...DECISION_ROLES.signForAgency])],
        availableWhen: (record, actor) =>
          bookingIn(record, CollaborationStage.Contracting) &&
          ((statusIn(record, ContractStatus.Sent) && may(PARTIES.creator.roles, actor)) ||
            (statusIn(record, ContractStatus.SignedByCreator) && may(PARTIES.agency.roles, actor))),
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

// ---------------------------------------------------------------------------------------------
// Deliverable

export function deliverableActions(port: CollaborationDecisions, logger: Logger): Actions {
  return {
    submitDraft: decisionAction<CollaborationState>(
      {
        name: 'submitDraft',
        icon: 'Upload',
        roles: DECISION_ROLES.submitDraft,
        availableWhen: (record) =>
          bookingIn(record, CollaborationStage.InProduction) &&
          statusIn(record, DeliverableStatus.Planned, DeliverableStatus.Drafting, DeliverableStatus.ChangesRequested),
        form: {
          intro: "The creator's draft, as they sent it. Its caption is checked for disclosure and the brand's rules first; a failing draft comes back with every problem, without using a revision round.",
          submitLabel: 'Submit draft',
          fields: [
            { name: 'assetUrl', label: 'Link to the draft (https)', kind: 'text', required: true, maxLength: 2_048, pattern: { regex: HTTPS_URL, message: 'The link must be an https:// link to the draft' } },
            { name: 'caption', label: 'Caption', kind: 'textarea', required: true, maxLength: 2_200 },
            paidLabelField,
          ],
          defaults: () => ({ paidPartnershipLabel: 'no' }),
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.submitDraft(
            collaborationOf({ id, ...record }),
            id,
            actor,
            { assetUrl: values.assetUrl as string, caption: values.caption as string, paidPartnershipLabel: yes(values.paidPartnershipLabel) },
            requestId,
          ),
        outcome: (state, _values, record) => {
          const draft = progressOf(state, record.id)?.drafts.at(-1);
          if (draft && !draft.compliant) {
            return {
              type: 'error',
              message: `Draft v${draft.version} is recorded but fails the compliance check: ${draft.violations.map((v) => v.message).join('; ')} — send a corrected draft (stage is ${state.stage})`,
            };
          }
          return `Draft${draft ? ` v${draft.version}` : ''} submitted and passed the compliance check; it waits for review — stage is ${state.stage}`;
        },
        failure: 'The draft could not be submitted',
      },
      logger,
    ),
    reviewDraft: decisionAction<CollaborationState>(
      {
        name: 'reviewDraft',
        icon: 'Eye',
        roles: DECISION_ROLES.reviewDraft,
        availableWhen: (record) => bookingIn(record, CollaborationStage.InProduction) && statusIn(record, DeliverableStatus.InReview),
        form: {
          intro: 'Approve the draft, or request changes with feedback for the creator. Changes past the included revision rounds raise REVISION_LIMIT.',
          submitLabel: 'Send review',
          fields: [
            { name: 'version', label: 'Draft version', kind: 'number', required: true, min: 1, max: 1_000 },
            {
              name: 'decision',
              label: 'Decision',
              kind: 'select',
              required: true,
              options: [
                { value: 'approve', label: 'Approve' },
                { value: 'request_changes', label: 'Request changes' },
              ],
            },
            { name: 'feedback', label: 'Feedback for the creator', kind: 'textarea', maxLength: 4_000, help: 'Required when requesting changes' },
          ],
          defaults: async (record) => {
            const deliverables = await port.deliverables(collaborationOf(record)).catch(() => []);
            const drafts = deliverables.find((d) => d.id === record.id)?.drafts ?? [];
            return { version: drafts.length ? Math.max(...drafts.map((d) => d.version)) : '', decision: 'approve' };
          },
          check: (values) => (values.decision === 'request_changes' && !values.feedback ? ['Feedback is required when requesting changes'] : []),
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.reviewDraft(
            collaborationOf({ id, ...record }),
            id,
            values.version as number,
            actor,
            { decision: values.decision as 'approve' | 'request_changes', feedback: values.feedback as string | undefined },
            requestId,
          ),
        outcome: (state, values) =>
          `Draft v${values.version} ${values.decision === 'approve' ? 'approved' : 'sent back with changes requested'} — stage is now ${state.stage}`,
        failure: 'The review could not be recorded',
      },
      logger,
    ),
    markPosted: decisionAction<CollaborationState>(
      {
        name: 'markPosted',
        icon: 'Globe',
        roles: DECISION_ROLES.markPosted,
        availableWhen: (record) => bookingIn(record, CollaborationStage.Posting) && statusIn(record, DeliverableStatus.Approved, DeliverableStatus.Posted),
        form: {
          intro: "Report the deliverable live. The link must be on the deliverable's platform, and the caption as posted must still pass the compliance check.",
          submitLabel: 'Report live',
          fields: [
            { name: 'liveUrl', label: 'Link to the live post (https)', kind: 'text', required: true, maxLength: 2_048, pattern: { regex: HTTPS_URL, message: 'The link must be the https:// link to the live post' } },
            { name: 'caption', label: 'Caption as posted', kind: 'textarea', required: true, maxLength: 2_200 },
            paidLabelField,
          ],
          defaults: (record) => ({ liveUrl: paramText(record, 'liveUrl') ?? '', caption: paramText(record, 'caption') ?? '', paidPartnershipLabel: 'no' }),
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.markPosted(
            collaborationOf({ id, ...record }),
            id,
            actor,
            { liveUrl: values.liveUrl as string, caption: values.caption as string, paidPartnershipLabel: yes(values.paidPartnershipLabel) },
            requestId,
          ),
        outcome: (state, _values, record) => {
          const problems = progressOf(state, record.id)?.postProblems ?? [];
          if (problems.length) return { type: 'error', message: `The post was not accepted: ${problems.join('; ')} — report the corrected post (stage is ${state.stage})` };
          return `Post verified — stage is now ${state.stage}`;
        },
        failure: 'The post could not be reported',
      },
      logger,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Payout

export function payoutActions(port: CollaborationDecisions, logger: Logger): Actions {
  return {
    submitInvoice: decisionAction<PayoutState>(
      {
        name: 'submitInvoice',
        icon: 'FileText',
        roles: DECISION_ROLES.submitInvoice,
        availableWhen: (record) => statusIn(record, PayoutStatus.Requested),
        form: {
          intro: "The creator's invoice for this payout. Finance approves it next (never the person who requested it).",
          submitLabel: 'Submit invoice',
          fields: [
            {
              name: 'invoiceNumber',
              label: 'Invoice number',
              kind: 'text',
              required: true,
              maxLength: 60,
              pattern: { regex: /^[A-Za-z0-9][A-Za-z0-9/._-]{0,59}$/, message: 'The invoice number must be 1-60 letters, digits, "/", ".", "_" or "-"' },
            },
          ],
        },
        perform: (values, { actor, requestId, ...record }) => port.submitInvoice(collaborationOf(record), actor, values.invoiceNumber as string, requestId),
        outcome: (state, values) => `Invoice ${values.invoiceNumber} submitted — payout is now ${state.status}`,
        failure: 'The invoice could not be submitted',
      },
      logger,
    ),
    approvePayout: decisionAction<PayoutState>(
      {
        name: 'approvePayout',
        icon: 'DollarSign',
        roles: DECISION_ROLES.approvePayout,
        availableWhen: (record) => statusIn(record, PayoutStatus.Invoiced),
        confirm:
          'Approve this payout? It is paid on its due date (the payment terms), once, through the payout provider. You may not approve a payout you requested or whose fee you agreed.',
        perform: (_values, { actor, requestId, ...record }) => port.approvePayout(collaborationOf(record), actor, requestId),
        outcome: (state) => `Payout approved — status is now ${state.status}${state.status === 'scheduled' ? `, due ${state.dueAt.slice(0, 10)}` : ''}`,
        failure: 'The payout could not be approved',
      },
      logger,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Escalation

const RESOLUTION_LABELS: Record<string, string> = {
  [EscalationResolution.Extend]: 'Extend the deadline',
  [EscalationResolution.Override]: 'Override: go ahead despite the conflict',
  [EscalationResolution.Drop]: 'Drop the creator from the booking',
  [EscalationResolution.Accept]: 'Accept as it is',
};

/** The choices a manager has for an escalation of this kind (RESOLUTIONS_BY_KIND). */
export function resolutionChoices(kind: unknown): Choice[] {
  const allowed = RESOLUTIONS_BY_KIND[kind as EscalationKind] ?? [];
  return choicesOf(allowed, (value) => RESOLUTION_LABELS[value] ?? value);
}

export function escalationActions(port: CollaborationDecisions, logger: Logger): Actions {
  return {
    resolveEscalation: decisionAction<CollaborationState>(
      {
        name: 'resolveEscalation',
        icon: 'Flag',
        roles: DECISION_ROLES.resolveEscalation,
        availableWhen: (record) =>
          statusIn(record, EscalationStatus.Open, EscalationStatus.Acknowledged) && !!paramText(record, 'collaborationId') && resolutionChoices(paramText(record, 'kind')).length > 0,
        form: {
          intro: 'Your decision on this escalation. EXTEND moves the deadline by the time given (and it escalates again if that lapses too); DROP ends the booking with compensation.',
          submitLabel: 'Resolve',
          fields: [
            { name: 'resolution', label: 'Resolution', kind: 'select', required: true },
            { name: 'reason', label: 'Reason (kept in the audit log)', kind: 'textarea', required: true, maxLength: 1_000 },
            {
              name: 'extendBy',
              label: 'Extend by',
              kind: 'text',
              maxLength: 20,
              placeholder: '24h',
              help: 'With EXTEND: a duration such as 24h, 3d or 1h30m',
              pattern: { regex: DURATION, message: 'Extend by must be a duration such as 24h or 3d' },
            },
          ],
          defaults: (record) => ({ resolution: resolutionChoices(paramText(record, 'kind'))[0]?.value ?? '' }),
          choices: (record) => ({ resolution: resolutionChoices(paramText(record, 'kind')) }),
          check: (values) => (values.resolution === EscalationResolution.Extend && !values.extendBy ? ['Extend by is required to extend the deadline'] : []),
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.resolveEscalation(
            collaborationOf({ id, ...record }),
            id,
            actor,
            {
              resolution: values.resolution as EscalationResolution,
              reason: values.reason as string,
              ...(values.resolution === EscalationResolution.Extend ? { extendBy: values.extendBy as string } : {}),
            },
            requestId,
          ),
        outcome: (state, values) => `Escalation resolved (${values.resolution}) — stage is now ${state.stage}`,
        failure: 'The escalation could not be resolved',
      },
      logger,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Campaign

const openCampaign = (record: RecordView) => statusIn(record, CampaignStatus.Active, CampaignStatus.Draft);

export function campaignActions(port: CampaignDecisions, logger: Logger): Actions {
  return {
    closeBookings: decisionAction<CampaignState>(
      {
        name: 'closeBookings',
        icon: 'Lock',
        roles: DECISION_ROLES.closeOrCancelCampaign,
        availableWhen: openCampaign,
        form: {
          intro: 'No more creators can be booked on this campaign. Bookings already made run on; the campaign completes when the last one ends.',
          submitLabel: 'Close to bookings',
          fields: [{ name: 'reason', label: 'Reason (optional)', kind: 'textarea', maxLength: 1_000 }],
        },
        perform: (values, { id, actor, requestId }) => port.close(id, actor, values.reason as string | undefined, requestId),
        outcome: (state) => `Bookings closed — the campaign is now ${state.status}`,
        failure: 'The campaign could not be closed to bookings',
      },
      logger,
    ),
    cancelCampaign: decisionAction<CampaignState>(
      {
        name: 'cancelCampaign',
        icon: 'XCircle',
        roles: DECISION_ROLES.closeOrCancelCampaign,
        availableWhen: openCampaign,
        form: {
          intro:
            'Every booking whose content is not live yet is wound down like a dropout: open escalations closed, deliverables cancelled, unexecuted contracts voided, exclusivity released, and the kill fee an executed contract allows requested. Bookings already live are still measured and paid.',
          submitLabel: 'Cancel the campaign',
          fields: [{ name: 'reason', label: 'Reason', kind: 'textarea', required: true, maxLength: 1_000 }],
        },
        perform: (values, { id, actor, requestId }) => port.cancel(id, actor, values.reason as string, requestId),
        outcome: (state) => `Campaign cancelled — status is now ${state.status}; ${state.bookings.length} booking(s) are wound down or finish as agreed`,
        failure: 'The campaign could not be cancelled',
      },
      logger,
    ),
  };
}

export const RECORD_ACTION_LABELS = {
  Contract: { recordSignature: 'Record signature' },
  Deliverable: { submitDraft: 'Submit draft', reviewDraft: 'Review draft', markPosted: 'Mark posted' },
  Payout: { submitInvoice: 'Submit invoice', approvePayout: 'Approve payout' },
  Escalation: { resolveEscalation: 'Resolve escalation' },
  Campaign: { closeBookings: 'Close bookings', cancelCampaign: 'Cancel campaign' },
} satisfies Record<string, Record<string, string>>;
