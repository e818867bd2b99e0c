import { DECISION_ROLES } from '../../../../libs/domain/rules/decision-roles';
import { CollaborationStage, isTerminal } from '../../../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../../../libs/domain/rules/statuses';
import type { DeliverablePlan, Terms, TermsParty } from '../../../../libs/domain/rules/terms';
import type { CollaborationState, Offer } from '../../../../workflows/messages';
import type { Action, ActionResponse } from '../adminjs-types';
import type { Params } from '../request-guards';
import type { Logger } from '../resource-spec';
import { decisionAction, DecisionForm, paramText, RecordView } from './decision-action';
import { choicesOf, FormField, FormValues } from './form';
import { PanelRefusal } from './http-errors';
import type { CollaborationDecisions } from './ports';

const stageOf = (record: RecordView) => paramText(record, 'stage');
const inStage = (...stages: CollaborationStage[]) => (record: RecordView) => stages.includes(stageOf(record) as CollaborationStage);
const movedTo = (state: CollaborationState) => `stage is now ${state.stage}`;

/**
 * Up to five deliverables in the panel's terms form, the first required (the API takes up to
 * 50). A booking with more is negotiated through the API (docs/access.md).
 */
export const DELIVERABLE_SLOTS = [1, 2, 3, 4, 5] as const;
const TYPES = choicesOf(Object.values(DeliverableType));
const PLATFORMS = choicesOf(Object.values(Platform));
const ISO_DATE = { regex: /^\d{4}-\d{2}-\d{2}$/, message: 'Exclusivity dates must be dates (YYYY-MM-DD)' };

export const TERMS_FIELDS: FormField[] = [
  { name: 'brandPriceMinor', label: 'Brand price (minor units)', kind: 'number', required: true, min: 1, help: 'What the brand pays, in minor units of the currency: 10000000 paise = INR 1,00,000.00' },
  { name: 'creatorFeeMinor', label: 'Creator fee (minor units)', kind: 'number', required: true, min: 0, help: "The creator's fee, in minor units; never more than the brand price" },
  { name: 'currency', label: 'Currency', kind: 'text', required: true, maxLength: 3, pattern: { regex: /^[A-Z]{3}$/, message: 'Currency must be an ISO 4217 code such as INR' }, help: "The campaign's currency" },
  { name: 'paymentNetDays', label: 'Payment terms (days after verified posting)', kind: 'number', required: true, min: 0, max: 120 },
  { name: 'killFeeBps', label: 'Kill fee (basis points of the creator fee)', kind: 'number', required: true, min: 0, max: 10_000, help: '2500 = 25 % of the fee, owed if the booking ends after the contract is executed' },
  ...DELIVERABLE_SLOTS.flatMap((n): FormField[] => [
    { name: `deliverable${n}Type`, label: `Deliverable ${n}: type`, kind: 'select', required: n === 1, options: TYPES },
    { name: `deliverable${n}Platform`, label: `Deliverable ${n}: platform`, kind: 'select', required: n === 1, options: PLATFORMS },
    { name: `deliverable${n}DraftDueAt`, label: `Deliverable ${n}: draft due`, kind: 'datetime', required: n === 1 },
    { name: `deliverable${n}ScheduledPostAt`, label: `Deliverable ${n}: goes live`, kind: 'datetime' },
  ]),
  { name: 'usageDurationDays', label: 'Usage rights: days from posting', kind: 'number', min: 0, max: 3_650 },
  { name: 'usageChannels', label: 'Usage rights: channels (comma-separated)', kind: 'text', maxLength: 300 },
  { name: 'exclusivityCategory', label: 'Exclusivity: category', kind: 'text', maxLength: 100 },
  { name: 'exclusivityStart', label: 'Exclusivity: from (YYYY-MM-DD)', kind: 'text', maxLength: 10, pattern: ISO_DATE },
  { name: 'exclusivityEnd', label: 'Exclusivity: until (YYYY-MM-DD)', kind: 'text', maxLength: 10, pattern: ISO_DATE },
];

/** Problems the fields alone do not show; the workflow checks the terms as a whole again (termsProblems). */
export function termsFormProblems(values: FormValues): string[] {
  const problems: string[] = [];
  for (const n of DELIVERABLE_SLOTS.slice(1)) {
    const parts = ['Type', 'Platform', 'DraftDueAt'].map((part) => values[`deliverable${n}${part}`]);
    if (parts.some((v) => v !== undefined) && parts.some((v) => v === undefined)) {
      problems.push(`Deliverable ${n} needs a type, a platform and a draft due date, or none of them`);
    }
  }
  const exclusivity = [values.exclusivityCategory, values.exclusivityStart, values.exclusivityEnd];
  if (exclusivity.some((v) => v !== undefined) && exclusivity.some((v) => v === undefined)) {
    problems.push('Exclusivity needs a category and both dates, or none of them');
  }
  if (typeof values.brandPriceMinor === 'number' && typeof values.creatorFeeMinor === 'number' && values.creatorFeeMinor > values.brandPriceMinor) {
    problems.push('The creator fee may not exceed the brand price: the booking would lose money');
  }
  return problems;
}

/** The form's values as the workflow's terms. */
export function termsFromForm(values: FormValues): Terms {
  const deliverables: DeliverablePlan[] = [];
  for (const n of DELIVERABLE_SLOTS) {
    if (values[`deliverable${n}Type`] === undefined) continue;
    deliverables.push({
      type: values[`deliverable${n}Type`] as DeliverableType,
      platform: values[`deliverable${n}Platform`] as Platform,
      draftDueAt: values[`deliverable${n}DraftDueAt`] as string,
      ...(values[`deliverable${n}ScheduledPostAt`] !== undefined ? { scheduledPostAt: values[`deliverable${n}ScheduledPostAt`] as string } : {}),
    });
  }
  const channels = typeof values.usageChannels === 'string' ? values.usageChannels.split(',').map((c) => c.trim()).filter(Boolean) : [];
  const usageRights = {
    ...(values.usageDurationDays !== undefined ? { durationDays: values.usageDurationDays as number } : {}),
    ...(channels.length ? { channels } : {}),
  };
  return {
    brandPriceMinor: values.brandPriceMinor as number,
    creatorFeeMinor: values.creatorFeeMinor as number,
    currency: values.currency as string,
    paymentNetDays: values.paymentNetDays as number,
    killFeeBps: values.killFeeBps as number,
    deliverables,
    ...(Object.keys(usageRights).length ? { usageRights } : {}),
    ...(values.exclusivityCategory !== undefined
      ? { exclusivity: { category: values.exclusivityCategory as string, start: values.exclusivityStart as string, end: values.exclusivityEnd as string } }
      : {}),
  };
}

/**
 * Why the form may not replace the offer on the table: it holds more deliverables than the form
 * can show, and sending the form would silently drop the rest. Null when the form can.
 */
export function formTooSmallFor(onTable: Offer | undefined, collaborationId: string): string | null {
  const count = onTable?.terms.deliverables.length ?? 0;
  if (count <= DELIVERABLE_SLOTS.length) return null;
  return `The offer on the table has ${count} deliverables and this form holds ${DELIVERABLE_SLOTS.length}; negotiate this booking through the API (POST /collaborations/${collaborationId}/terms or /counter-offer) so that none is dropped`;
}

/** The offer on the table (or the booking's row) as the form's starting values. */
export function termsDefaults(row: Params, offer: Offer | undefined, now = Date.now()): Params {
  const terms = offer?.terms;
  const defaults: Params = {
    brandPriceMinor: terms?.brandPriceMinor ?? row.brandPriceMinor ?? '',
    creatorFeeMinor: terms?.creatorFeeMinor ?? row.creatorFeeMinor ?? '',
    currency: terms?.currency ?? row.currency ?? '',
    paymentNetDays: terms?.paymentNetDays ?? row['paymentTerms.netDays'] ?? 30,
    killFeeBps: terms?.killFeeBps ?? row['paymentTerms.killFeeBps'] ?? '',
  };
  const plans = terms?.deliverables ?? [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(now + 7 * 86_400_000).toISOString() }];
  plans.slice(0, DELIVERABLE_SLOTS.length).forEach((plan, i) => {
    defaults[`deliverable${i + 1}Type`] = plan.type;
    defaults[`deliverable${i + 1}Platform`] = plan.platform;
    defaults[`deliverable${i + 1}DraftDueAt`] = plan.draftDueAt;
    if (plan.scheduledPostAt) defaults[`deliverable${i + 1}ScheduledPostAt`] = plan.scheduledPostAt;
  });
  if (terms?.usageRights?.durationDays !== undefined) defaults.usageDurationDays = terms.usageRights.durationDays;
  if (terms?.usageRights?.channels?.length) defaults.usageChannels = terms.usageRights.channels.join(', ');
  if (terms?.exclusivity) {
    defaults.exclusivityCategory = terms.exclusivity.category;
    defaults.exclusivityStart = terms.exclusivity.start;
    defaults.exclusivityEnd = terms.exclusivity.end;
  }
  return defaults;
}

const reasonField = (label: string): FormField => ({ name: 'reason', label, kind: 'textarea', required: true, maxLength: 1_000 });

/** The decisions taken on a booking itself, as record actions of the Collaboration resource (acknowledgeBrief: acknowledge-brief.action.ts). */
export function collaborationActions(port: CollaborationDecisions, logger: Logger): Record<string, Partial<Action<ActionResponse>>> {
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

  return {
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
          intro: "Approve agreed terms whose margin is below the campaign's floor. Never on a booking you manage as its talent manager.",
          submitLabel: 'Approve commercials',
          fields: [reasonField('Why the exception is justified')],
        },
        perform: (values, { id, actor, requestId }) => port.approveCommercials(id, actor, values.reason as string, requestId),
        outcome: (state) => `Commercials approved — ${movedTo(state)}`,
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
  proposeTerms: 'Propose terms',
  counterOffer: 'Counter-offer',
  acceptTerms: 'Accept terms',
  approveCommercials: 'Approve commercials',
  dropOut: 'Drop out',
};
