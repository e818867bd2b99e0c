import { Campaign, Market } from '../../../libs/domain/entities';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { OWNER_ROLES } from '../../../libs/domain/rules/ownership';
import { Role } from '../../../libs/domain/rules/roles';
import { DraftReviewer } from '../../../libs/domain/rules/portal-links';
import { CampaignStatus } from '../../../libs/domain/rules/statuses';
import type { CampaignState } from '../../../workflows/campaign-messages';
import { ANALYTICS_PAGE } from '../analytics/analytics-page.component';
import { adminOnly, operations, OPERATIONS_WRITE } from '../back-office/access';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { decisionAction, statusIn, type RecordView } from '../back-office/decision-action';
import { badge, choices, money, related } from '../back-office/properties';
import { FIND_CREATORS_PAGE } from './find-creators-page.component';
import { NAVIGATION, type Logger, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { BriefUpdate, CampaignsService } from './campaigns.service';
import { asLines, linesOf, YES_NO } from '../back-office/form-values';
import { checkedDto } from '../common/checked-dto';
import { CampaignBriefDto } from './campaign.dto';

const BRIEF_LISTS = [
  { name: 'keyMessages', label: 'Key messages (one per line)' },
  { name: 'dos', label: 'Do (one per line)' },
  { name: 'donts', label: "Don't (one per line)" },
  { name: 'deliverableSpecs', label: 'Deliverable specs (one per line)' },
  { name: 'disclosureRequirements', label: 'Disclosure requirements (one per line)' },
] as const;

/** Campaigns in the panel: the record, and the decisions on its workflow (close to collaborations, cancel). */

export type CampaignsPort = Pick<CampaignsService, 'close' | 'cancel' | 'followEndDate' | 'findOne' | 'updateBrief'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

const openCampaign = (record: RecordView) => statusIn(record, CampaignStatus.Active, CampaignStatus.Draft);

export function campaignActions(port: CampaignsPort, logger: Logger): Actions {
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
    editBrief: decisionAction<BriefUpdate>(
      {
        name: 'editBrief',
        icon: 'Edit',
        roles: [Role.Manager, Role.TalentManager, Role.Admin],
        availableWhen: openCampaign,
        form: {
          intro: 'Running bookings that acknowledged the brief and have no content live yet will ask for a fresh acknowledgement before their next draft.',
          submitLabel: 'Save brief',
          fields: [
            ...BRIEF_LISTS.map((field) => ({ ...field, kind: 'textarea' as const, maxLength: 20_000 })),
            { name: 'requiresNda', label: 'Requires an NDA', kind: 'select', required: true, options: YES_NO },
          ],
          defaults: async (record) => {
            const { brief } = await port.findOne(record.id);
            return { ...Object.fromEntries(BRIEF_LISTS.map(({ name }) => [name, asLines(brief?.[name])])), requiresNda: brief?.requiresNda ? 'yes' : 'no' };
          },
        },
        perform: (values, { id, actor }) =>
          port.updateBrief(
            id,
            checkedDto(CampaignBriefDto, { ...Object.fromEntries(BRIEF_LISTS.map(({ name }) => [name, linesOf(values[name])])), requiresNda: values.requiresNda === 'yes' }),
            actor,
          ),
        outcome: (result) => `Brief saved; ${result.bookingsTold.length} running booking(s) told`,
        failure: 'The brief could not be saved',
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

export function campaignPanel(deps: SpecDependencies & { campaigns: CampaignsPort }): PanelResource {
  return {
    entity: Campaign,
    id: 'Campaign',
    label: 'Campaigns',
    navigation: NAVIGATION.brands,
    list: ['name', 'brandId', 'status', 'startsOn', 'endsOn', 'ownerId'],
    show: [
      'id', 'name', 'brandId', 'objective', 'status', 'market', 'budgetMinor', 'currency', 'startsOn', 'endsOn', 'marginFloorBps', 'draftReviewer',
      'targetNiches', 'targetPlatforms', 'deliverableTypes', 'creatorFeeMinMinor', 'creatorFeeMaxMinor', 'brandSafetyExclusions',
      'brief', 'targetAudience', 'slaOverrides', 'summary', 'ownerId', 'workflowId', 'createdAt', 'updatedAt', 'related',
    ],
    filter: ['name', 'brandId', 'status', 'market', 'ownerId', 'startsOn', 'endsOn'],
    // Brand and currency are fixed once collaborations may exist; status changes (cancellation) go through the workflow.
    create: ['brandId', 'name', 'objective', 'market', 'budgetMinor', 'currency', 'startsOn', 'endsOn', 'marginFloorBps', 'draftReviewer', 'ownerId'],
    edit: [
      'name', 'objective', 'market', 'budgetMinor', 'startsOn', 'endsOn', 'marginFloorBps', 'draftReviewer', 'ownerId',
      'targetNiches', 'targetPlatforms', 'deliverableTypes', 'creatorFeeMinMinor', 'creatorFeeMaxMinor', 'brandSafetyExclusions',
    ],
    // A running campaign closes collaborations at the end of its last day: a new end date moves that.
    afterEdit: async (id, changed) => {
      if ('endsOn' in changed.after) await deps.campaigns.followEndDate(id);
    },
    mayWrite: operations,
    scope: { owner: 'ownerId', write: OPERATIONS_WRITE, mayOwn: OWNER_ROLES.campaign },
    mayDelete: adminOnly,
    titleProperty: 'name',
    sort: { sortBy: 'startsOn', direction: 'desc' },
    properties: {
      status: badge('campaign'),
      market: choices(Object.values(Market)),
      draftReviewer: choices(Object.values(DraftReviewer)),
      workflowId: { isVisible: { list: false, show: true, filter: false, edit: false } },
      budgetMinor: money(),
      creatorFeeMinMinor: money(),
      creatorFeeMaxMinor: money(),
      related: related([
        { label: 'Collaborations', resourceId: 'Collaboration', filter: 'campaignId' },
        { label: 'Escalations', resourceId: 'Escalation', filter: 'campaignId' },
        { label: 'Analytics', page: ANALYTICS_PAGE, query: { kind: 'campaigns' } },
        { label: 'Find creators', page: FIND_CREATORS_PAGE, idParam: 'campaign' },
        // Recorded when the campaign ends; the same export as GET /reports/campaigns/:id/summary.pdf.
        { label: 'Summary (PDF)', page: 'reports', query: { format: 'pdf' }, idParam: 'campaign', download: true },
        { label: 'Summary (CSV)', page: 'reports', query: { format: 'csv' }, idParam: 'campaign', download: true },
      ]),
    },
    structured: ['brief', 'targetAudience', 'slaOverrides', 'summary'],
    propertyLabels: {
      brandId: 'Brand',
      ownerId: 'Owner',
      budgetMinor: 'Budget',
      startsOn: 'Starts on',
      endsOn: 'Ends on',
      marginFloorBps: 'Margin floor (basis points)',
      draftReviewer: 'Drafts reviewed by',
      targetAudience: 'Target audience',
      slaOverrides: 'SLA overrides',
      summary: 'Summary (recorded when the campaign ended; amounts in minor units)',
      workflowId: 'Workflow id',
      related: 'Related',
    },
    actions: campaignActions(deps.campaigns, deps.logger),
    actionLabels: { closeBookings: 'Close bookings', editBrief: 'Edit brief', cancelCampaign: 'Cancel campaign' },
  };
}
