import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { Party } from '../../../libs/domain/rules/roles';
import { BRIEF_REACKNOWLEDGEMENT_STAGES, CollaborationStage, isTerminal } from '../../../libs/domain/rules/stages';
import type { TermsParty } from '../../../libs/domain/rules/terms';
import type { CollaborationState } from '../../../workflows/messages';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { decisionAction, DecisionForm, paramText, RecordView } from '../back-office/decision-action';
import type { FormField } from '../back-office/decision-form';
import { PanelRefusal } from '../back-office/http-errors';
import type { Logger } from '../back-office/resource-spec';
import type { CollaborationsService } from './collaborations.service';
import { formTooSmallFor, TERMS_FIELDS, termsDefaults, termsFormProblems, termsFromForm } from './terms-form';

/** What the collaboration's panel actions need: the service the REST API uses. */
export type CollaborationActionsPort = Pick<
  CollaborationsService,
  'acknowledgeBrief' | 'offerTerms' | 'acceptTerms' | 'approveCommercials' | 'dropOut' | 'view' | 'sendPortalLink' | 'revokePortalLinks'
>;

const stageOf = (record: RecordView) => paramText(record, 'stage');
const inStage = (...stages: CollaborationStage[]) => (record: RecordView) => stages.includes(stageOf(record) as CollaborationStage);
const movedTo = (state: CollaborationState) => `stage is now ${state.stage}`;

const reasonField = (label: string): FormField => ({ name: 'reason', label, kind: 'textarea', required: true, maxLength: 1_000 });

/** The decisions taken on a collaboration itself, as record actions of the Collaboration resource. */
export function collaborationActions(port: CollaborationActionsPort, logger: Logger): Record<string, Partial<Action<ActionResponse>>> {
  const termsForm = (party: TermsParty): DecisionForm => ({
    intro:
      party === 'agency'
        ? "The agency's offer to the creator. It replaces any offer on the table; the other side accepts it with \"Accept terms\"."
        : "The creator's counter-offer, as you received it. The agency accepts it with \"Accept terms\".",
    submitLabel: party === 'agency' ? 'Propose terms' : 'Record counter-offer',
    fields: TERMS_FIELDS,
    defaults: async (record) => {
      const live = await port.view(record.id).then((view) => view.live, () => null);
      return termsDefaults(record.params, live?.negotiation?.offers.at(-1));
    },
    check: termsFormProblems,
  });
  const offer = (party: TermsParty) =>
    decisionAction<CollaborationState>(
      {
        name: party === 'agency' ? 'proposeTerms' : 'counterOffer',
        icon: party === 'agency' ? 'Send' : 'Repeat',
        roles: DECISION_ROLES.negotiate,
        availableWhen: inStage(CollaborationStage.Negotiating),
        form: termsForm(party),
        perform: async (values, { id, actor, requestId }) => {
          const onTable = await port.view(id).then((view) => view.live?.negotiation?.offers.at(-1), () => undefined);
          const refusal = formTooSmallFor(onTable, id);
          if (refusal) throw new PanelRefusal(refusal);
          return port.offerTerms(id, party, actor, termsFromForm(values), requestId);
        },
        outcome: (state) => `${party === 'agency' ? 'Terms proposed' : 'Counter-offer recorded'} — ${movedTo(state)}`,
        failure: party === 'agency' ? 'The terms could not be proposed' : 'The counter-offer could not be recorded',
      },
      logger,
    );

  const open = (record: RecordView) => {
    const stage = stageOf(record) as CollaborationStage | undefined;
    return !!stage && !isTerminal(stage);
  };
  const sendLink = (party: Party) =>
    decisionAction<{ party: Party }>(
      {
        name: party === Party.Creator ? 'sendCreatorLink' : 'sendBrandLink',
        icon: 'Mail',
        roles: DECISION_ROLES.bookCreator,
        availableWhen: open,
        confirm:
          party === Party.Creator
            ? "E-mail the creator a new link to their booking (brief, offer, contract, drafts, live post, invoice). Their previous link stops working."
            : "E-mail the brand's contact a new link to review this booking's drafts. Their previous link stops working.",
        perform: (_values, { id, actor }) => port.sendPortalLink(id, party, actor),
        outcome: () => (party === Party.Creator ? 'A new link was e-mailed to the creator' : "A new review link was e-mailed to the brand's contact"),
        failure: 'The link could not be sent',
      },
      logger,
    );

  return {
    sendCreatorLink: sendLink(Party.Creator),
    sendBrandLink: sendLink(Party.Brand),
    revokePortalLinks: decisionAction<{ revoked: number }>(
      {
        name: 'revokePortalLinks',
        icon: 'Slash',
        roles: DECISION_ROLES.bookCreator,
        availableWhen: () => true,
        confirm: "Revoke this booking's creator and brand links? They stop working at once; send a new one to let them back in.",
        perform: (_values, { id, actor }) => port.revokePortalLinks(id, actor),
        outcome: (answer) => `${answer.revoked} link(s) revoked`,
        failure: 'The links could not be revoked',
      },
      logger,
    ),
    // A decision without input: a confirmation instead of a form.
    acknowledgeBrief: decisionAction<{ stage: string }>(
      {
        name: 'acknowledgeBrief',
        icon: 'CheckCircle',
        roles: DECISION_ROLES.acknowledgeBrief,
        // Again, in a later stage, when the brief changed after it was acknowledged.
        availableWhen: (record) => inStage(CollaborationStage.Briefed)(record) || (!!paramText(record, 'briefChangedAt') && inStage(...BRIEF_REACKNOWLEDGEMENT_STAGES)(record)),
        confirm: 'Confirm that the creator has acknowledged the brief (or, after a change, the new brief). A first acknowledgement moves the collaboration on to the conflict check.',
        perform: (_values, { id, actor, requestId }) => port.acknowledgeBrief(id, actor, requestId),
        outcome: (state) => `Brief acknowledged — stage is now ${state.stage}`,
        failure: 'The brief could not be acknowledged',
      },
      logger,
    ),
    proposeTerms: offer('agency'),
    counterOffer: offer('creator'),
    acceptTerms: decisionAction<CollaborationState>(
      {
        name: 'acceptTerms',
        icon: 'ThumbsUp',
        roles: DECISION_ROLES.negotiate,
        availableWhen: inStage(CollaborationStage.Negotiating),
        confirm: 'Accept the offer on the table? Below the campaign\'s margin floor the booking then waits for a manager\'s approval; otherwise the contracts are drawn up.',
        perform: (_values, { id, actor, requestId }) => port.acceptTerms(id, actor, requestId),
        outcome: (state) =>
          state.negotiation?.approvalNeeded && !state.negotiation.approval
            ? `Terms accepted — the margin (${(state.negotiation.agreed?.marginBps ?? 0) / 100} %) is below the floor: a manager must approve; ${movedTo(state)}`
            : `Terms accepted — ${movedTo(state)}`,
        failure: 'The terms could not be accepted',
      },
      logger,
    ),
    approveCommercials: decisionAction<CollaborationState>(
      {
        name: 'approveCommercials',
        icon: 'Award',
        roles: DECISION_ROLES.approveCommercials,
        availableWhen: inStage(CollaborationStage.Negotiating),
        form: {
          intro:
            "Approve agreed terms whose margin is below the campaign's floor. Never on a booking you manage as its talent manager. Above your approval limit, your approval is recorded and the decision goes to your own manager.",
          submitLabel: 'Approve commercials',
          fields: [reasonField('Why the exception is justified')],
        },
        perform: (values, { id, actor, requestId }) => port.approveCommercials(id, actor, values.reason as string, requestId),
        outcome: (state) => commercialsOutcome(state),
        failure: 'The commercials could not be approved',
      },
      logger,
    ),
    dropOut: decisionAction<CollaborationState>(
      {
        name: 'dropOut',
        icon: 'UserMinus',
        roles: DECISION_ROLES.dropOut,
        // Until the content is live and verified: from MEASURING on the fee is owed.
        availableWhen: (record) => {
          const stage = stageOf(record) as CollaborationStage | undefined;
          return !!stage && !isTerminal(stage) && stage !== CollaborationStage.Measuring && stage !== CollaborationStage.Payout;
        },
        form: {
          intro:
            'The creator leaves the booking. Pending deadlines stop; unexecuted contracts are voided, exclusivity from this booking is released, and an executed contract\'s kill fee is requested. The manager is alerted with replacement candidates.',
          submitLabel: 'Drop the creator',
          fields: [reasonField('Reason')],
        },
        perform: (values, { id, actor, requestId }) => port.dropOut(id, actor, values.reason as string, requestId),
        outcome: (state) => `Creator dropped — ${movedTo(state)}${state.killFeeMinor ? `; a kill fee of ${state.killFeeMinor} minor units is requested` : ''}`,
        failure: 'The creator could not be dropped',
      },
      logger,
    ),
  };
}

export const COLLABORATION_ACTION_LABELS: Record<string, string> = {
  sendCreatorLink: 'Send creator link',
  sendBrandLink: 'Send brand review link',
  revokePortalLinks: 'Revoke portal links',
  acknowledgeBrief: 'Acknowledge brief',
  proposeTerms: 'Propose terms',
  counterOffer: 'Counter-offer',
  acceptTerms: 'Accept terms',
  approveCommercials: 'Approve commercials',
  dropOut: 'Drop out',
};

/** After an approval: moved on, or (above the approver's limit) whose approval is awaited now. */
export function commercialsOutcome(state: CollaborationState): string {
  const awaited = state.negotiation?.approval ? undefined : state.negotiation?.approvalAwaitedFrom;
  if (awaited === 'admin') return 'Above your approval limit, and nobody above you may approve it: awaiting an admin';
  if (awaited) return `Above your approval limit: awaiting approval from your manager (user ${awaited})`;
  return `Commercials approved — ${movedTo(state)}`;
}
