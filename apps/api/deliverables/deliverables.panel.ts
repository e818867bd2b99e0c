import { Deliverable, DraftSubmission, PerformanceSnapshot } from '../../../libs/domain/entities';
import { CONTENT_FORMATS, type ContentFormat } from '../../../libs/domain/rules/compliance';
import { MAX_CONTENT_SECONDS, type DisclosureFacts } from '../../../libs/domain/rules/disclosure-facts';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { DeliverableStatus, SnapshotLabel, SnapshotSource } from '../../../libs/domain/rules/lifecycle';
import { netMerchandiseValue } from '../../../libs/domain/rules/nmv';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';
import type { CollaborationState, DeliverableProgress } from '../../../workflows/messages';
import { BOOKING_ACT, operations, OPERATIONS_WRITE } from '../back-office/access';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { collaborationIn, collaborationOf, decisionAction, paramText, statusIn } from '../back-office/decision-action';
import { HTTPS_URL, type Choice, type FormField } from '../back-office/decision-form';
import { badge, blankToNull, choices, money, readOnly, related, toInteger } from '../back-office/properties';
import type { Params } from '../back-office/request-guards';
import { NAVIGATION, type Logger, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { DeliverablesService } from './deliverables.service';

/**
 * Deliverables in the panel, with their drafts and performance numbers. Planned from the agreed
 * terms; status, revisions and the live post belong to the workflow. People submit drafts,
 * review them and report posts (decisions), and enter performance numbers by hand.
 */

export type DeliverablesPort = Pick<DeliverablesService, 'submitDraft' | 'reviewDraft' | 'markPosted' | 'deliverables'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

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

const FORMAT_LABELS: Record<ContentFormat, string> = {
  post: 'Post (judged by its caption)',
  reel: 'Reel',
  story: 'Story',
  video: 'Video',
  short: 'Short',
  live: 'Live stream',
  audio: 'Audio / podcast',
};

/**
 * How the content discloses beyond its caption, as declared (docs/compliance.md#what-it-judges).
 * A nested API object is flat here: the panel's forms have plain fields.
 */
const disclosureFields: FormField[] = [
  {
    name: 'format',
    label: 'Format',
    kind: 'select',
    options: CONTENT_FORMATS.map((format) => ({ value: format, label: FORMAT_LABELS[format] })),
    help: 'A video, reel, story, live stream or audio needs the disclosure in the content itself, not only in the caption or description',
  },
  { name: 'onScreenLabelText', label: 'On-screen label (as shown)', kind: 'text', maxLength: 200, placeholder: 'Ad' },
  { name: 'onScreenLabelFrom', label: 'On-screen label from second', kind: 'number', min: 0, max: MAX_CONTENT_SECONDS },
  { name: 'onScreenLabelTo', label: 'On-screen label to second', kind: 'number', min: 0, max: MAX_CONTENT_SECONDS },
  { name: 'spokenAtStart', label: 'Disclosure said at the start', kind: 'select', options: YES_NO },
  { name: 'spokenAtEnd', label: 'Disclosure said at the end', kind: 'select', options: YES_NO },
  { name: 'spokenRepeatedEveryMinutes', label: 'Live: said again every (minutes)', kind: 'number', min: 1, max: 1_440 },
  { name: 'durationSeconds', label: 'Length (seconds)', kind: 'number', min: 1, max: MAX_CONTENT_SECONDS },
  {
    name: 'language',
    label: 'Language (BCP 47)',
    kind: 'text',
    maxLength: 35,
    placeholder: 'hi, en, es-US',
    help: 'Detected from the caption when empty',
    pattern: { regex: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, message: 'The language must be a BCP 47 tag, such as "en", "hi" or "es-US"' },
  },
];

/** An on-screen label is the three fields together. */
function disclosureProblems(values: Record<string, unknown>): string[] {
  const label = [values.onScreenLabelText, values.onScreenLabelFrom, values.onScreenLabelTo];
  if (label.some((v) => v !== undefined) && label.some((v) => v === undefined)) {
    return ['An on-screen label needs its text and the seconds it is shown from and to'];
  }
  return [];
}

/** The flat form fields as the decision's `DisclosureFacts`; nothing for what was left empty. */
export function disclosureFactsFrom(values: Record<string, unknown>): DisclosureFacts {
  const facts: DisclosureFacts = {};
  if (values.format !== undefined) facts.format = values.format as ContentFormat;
  if (values.onScreenLabelText !== undefined) {
    facts.onScreenLabel = { text: values.onScreenLabelText as string, fromSecond: values.onScreenLabelFrom as number, toSecond: values.onScreenLabelTo as number };
  }
  const spoken = { atStart: yes(values.spokenAtStart), atEnd: yes(values.spokenAtEnd), repeatedEveryMinutes: values.spokenRepeatedEveryMinutes as number | undefined };
  if (spoken.atStart || spoken.atEnd || spoken.repeatedEveryMinutes !== undefined) {
    facts.spokenDisclosure = Object.fromEntries(Object.entries(spoken).filter(([, v]) => v !== undefined));
  }
  if (values.durationSeconds !== undefined) facts.durationSeconds = values.durationSeconds as number;
  if (values.language !== undefined) facts.language = values.language as string;
  return facts;
}

function progressOf(state: CollaborationState, deliverableId: string): DeliverableProgress | undefined {
  return state.deliverables?.find((d) => d.deliverableId === deliverableId);
}

export function deliverableActions(port: DeliverablesPort, logger: Logger): Actions {
  return {
    submitDraft: decisionAction<CollaborationState>(
      {
        name: 'submitDraft',
        icon: 'Upload',
        roles: DECISION_ROLES.submitDraft,
        availableWhen: (record) =>
          collaborationIn(record, CollaborationStage.InProduction) &&
          statusIn(record, DeliverableStatus.Planned, DeliverableStatus.Drafting, DeliverableStatus.ChangesRequested),
        form: {
          intro: "The creator's draft, as they sent it. Its caption is checked for disclosure and the brand's rules first; a failing draft comes back with every problem, without using a revision round.",
          submitLabel: 'Submit draft',
          fields: [
            { name: 'assetUrl', label: 'Link to the draft (https)', kind: 'text', required: true, maxLength: 2_048, pattern: { regex: HTTPS_URL, message: 'The link must be an https:// link to the draft' } },
            { name: 'caption', label: 'Caption or description', kind: 'textarea', required: true, maxLength: 2_200 },
            paidLabelField,
            ...disclosureFields,
          ],
          defaults: () => ({ paidPartnershipLabel: 'no', format: 'post', spokenAtStart: 'no', spokenAtEnd: 'no' }),
          check: disclosureProblems,
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.submitDraft(
            collaborationOf({ id, ...record }),
            id,
            actor,
            {
              assetUrl: values.assetUrl as string,
              caption: values.caption as string,
              paidPartnershipLabel: yes(values.paidPartnershipLabel),
              ...disclosureFactsFrom(values),
            },
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
        availableWhen: (record) => collaborationIn(record, CollaborationStage.InProduction) && statusIn(record, DeliverableStatus.InReview),
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
        availableWhen: (record) => collaborationIn(record, CollaborationStage.Posting) && statusIn(record, DeliverableStatus.Approved, DeliverableStatus.Posted),
        form: {
          intro: "Report the deliverable live. The link must be on the deliverable's platform, and the caption as posted must still pass the compliance check.",
          submitLabel: 'Report live',
          fields: [
            { name: 'liveUrl', label: 'Link to the live post (https)', kind: 'text', required: true, maxLength: 2_048, pattern: { regex: HTTPS_URL, message: 'The link must be the https:// link to the live post' } },
            { name: 'caption', label: 'Caption as posted', kind: 'textarea', required: true, maxLength: 2_200 },
            paidLabelField,
            { name: 'postedAt', label: 'Went live at', kind: 'datetime', help: 'When the post went live, for on-time delivery; leave empty for now' },
            ...disclosureFields,
          ],
          defaults: (record) => ({
            liveUrl: paramText(record, 'liveUrl') ?? '',
            caption: paramText(record, 'caption') ?? '',
            paidPartnershipLabel: 'no',
            format: 'post',
            spokenAtStart: 'no',
            spokenAtEnd: 'no',
          }),
          check: disclosureProblems,
        },
        perform: (values, { id, actor, requestId, ...record }) =>
          port.markPosted(
            collaborationOf({ id, ...record }),
            id,
            actor,
            {
              liveUrl: values.liveUrl as string,
              caption: values.caption as string,
              paidPartnershipLabel: yes(values.paidPartnershipLabel),
              ...(values.postedAt !== undefined ? { postedAt: values.postedAt as string } : {}),
              ...disclosureFactsFrom(values),
            },
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

/** Manual performance numbers: labelled `manual`, entered by ops; the NMV is derived, never typed. */
export function manualSnapshot(payload: Params): Params {
  const amounts = ['gmvMinor', 'returnsMinor', 'cancellationsMinor'];
  const clean = blankToNull(payload, [...amounts, 'currency', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders']);
  const nmv = netMerchandiseValue({ gmvMinor: toInteger(clean.gmvMinor), returnsMinor: toInteger(clean.returnsMinor), cancellationsMinor: toInteger(clean.cancellationsMinor) });
  return { ...clean, label: SnapshotLabel.Manual, source: SnapshotSource.OpsEntry, nmvMinor: nmv };
}

/** A deliverable is overdue while its draft is late. */
export const OVERDUE_DELIVERABLES = `SELECT "id" FROM "deliverables" WHERE "draftDueAt" < now() AND "status" IN ('planned', 'drafting', 'changes_requested')`;

export function deliverablePanel(deps: SpecDependencies & { deliverables: DeliverablesPort }): PanelResource {
  return {
    entity: Deliverable,
    id: 'Deliverable',
    label: 'Deliverables',
    navigation: NAVIGATION.collaborations,
    list: ['type', 'platform', 'collaborationId', 'status', 'draftDueAt', 'scheduledPostAt', 'revisionCount'],
    show: [
      'id', 'collaborationId', 'type', 'platform', 'status', 'draftDueAt', 'scheduledPostAt', 'revisionCount', 'maxRevisions',
      'liveUrl', 'caption', 'postedAt', 'related', 'createdAt', 'updatedAt',
    ],
    filter: ['collaborationId', 'status', 'type', 'platform', 'draftDueAt', 'scheduledPostAt', 'postedAt'],
    // Drafts and posts are recorded on one's own (talent manager) or team's (manager) collaborations only.
    scope: { owner: 'collaboration.talentManagerId', act: BOOKING_ACT },
    overdue: OVERDUE_DELIVERABLES,
    titleProperty: 'type',
    sort: { sortBy: 'draftDueAt', direction: 'asc' },
    properties: {
      type: choices(Object.values(DeliverableType)),
      platform: choices(Object.values(Platform)),
      status: { ...badge('deliverable'), ...readOnly },
      caption: { type: 'textarea' },
      related: related([
        { label: 'Drafts', resourceId: 'DraftSubmission', filter: 'deliverableId' },
        { label: 'Performance snapshots', resourceId: 'PerformanceSnapshot', filter: 'deliverableId' },
      ]),
    },
    propertyLabels: {
      collaborationId: 'Collaboration',
      draftDueAt: 'Draft due',
      scheduledPostAt: 'Goes live',
      revisionCount: 'Revision rounds used',
      maxRevisions: 'Revision rounds included',
      liveUrl: 'Live post',
      caption: 'Caption',
      postedAt: 'Posted at',
      related: 'Related',
      createdAt: 'Planned at',
      updatedAt: 'Updated at',
    },
    actions: deliverableActions(deps.deliverables, deps.logger),
    actionLabels: { submitDraft: 'Submit draft', reviewDraft: 'Review draft', markPosted: 'Mark posted' },
  };
}

/** Drafts: submitted and reviewed through the deliverable's decisions only. */
export function draftPanel(): PanelResource {
  return {
    entity: DraftSubmission,
    id: 'DraftSubmission',
    label: 'Drafts',
    navigation: NAVIGATION.collaborations,
    list: ['deliverableId', 'version', 'submittedAt', 'decision', 'reviewerId', 'reviewedAt'],
    show: ['id', 'deliverableId', 'version', 'assetUrl', 'caption', 'complianceResult', 'submittedAt', 'decision', 'feedback', 'reviewerId', 'reviewedAt'],
    filter: ['deliverableId', 'decision', 'reviewerId', 'submittedAt', 'reviewedAt'],
    titleProperty: 'version',
    sort: { sortBy: 'submittedAt', direction: 'desc' },
    structured: ['complianceResult'],
    properties: {
      decision: badge('draftDecision'),
      caption: { type: 'textarea' },
      feedback: { type: 'textarea' },
    },
    propertyLabels: {
      deliverableId: 'Deliverable',
      assetUrl: 'Draft',
      complianceResult: 'Compliance check',
      submittedAt: 'Submitted at',
      reviewerId: 'Reviewer',
      reviewedAt: 'Reviewed at',
    },
  };
}

/** Performance numbers: the +1 d and +7 d captures are the workflow's; ops add manual numbers (what the metrics source reads). */
export function performancePanel(): PanelResource {
  return {
    entity: PerformanceSnapshot,
    id: 'PerformanceSnapshot',
    label: 'Performance',
    navigation: NAVIGATION.collaborations,
    list: ['deliverableId', 'label', 'capturedAt', 'views', 'likes', 'orders', 'nmvMinor'],
    show: [
      'id', 'deliverableId', 'label', 'source', 'capturedAt', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders',
      'gmvMinor', 'returnsMinor', 'cancellationsMinor', 'nmvMinor', 'currency', 'createdAt',
    ],
    filter: ['deliverableId', 'label', 'source', 'capturedAt', 'currency'],
    create: [
      'deliverableId', 'capturedAt', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders',
      'gmvMinor', 'returnsMinor', 'cancellationsMinor', 'currency',
    ],
    mayWrite: operations,
    // Numbers entered by hand are for the writer's own bookings (a manager: the team's).
    createUnder: { field: 'deliverableId', parent: 'deliverable', reach: OPERATIONS_WRITE },
    prepareCreate: manualSnapshot,
    titleProperty: 'label',
    sort: { sortBy: 'capturedAt', direction: 'desc' },
    properties: {
      label: { ...choices(Object.values(SnapshotLabel)), ...readOnly },
      source: { ...choices(Object.values(SnapshotSource)), ...readOnly },
      gmvMinor: money(),
      returnsMinor: money(),
      cancellationsMinor: money(),
      nmvMinor: { ...money(), ...readOnly },
    },
    propertyLabels: {
      deliverableId: 'Deliverable',
      capturedAt: 'Captured at',
      gmvMinor: 'GMV (minor units)',
      returnsMinor: 'Returns (minor units)',
      cancellationsMinor: 'Cancellations (minor units)',
      nmvMinor: 'NMV',
      createdAt: 'Recorded at',
    },
  };
}
