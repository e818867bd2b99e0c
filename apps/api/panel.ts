import type { PanelResource, SpecDependencies } from './back-office/resource-spec';
import { campaignPanel, type CampaignsPort } from './campaigns/campaigns.panel';
import type { CollaborationActionsPort } from './collaborations/collaboration-actions';
import { collaborationPanel } from './collaborations/collaborations.panel';
import { contractPanel, type ContractsPort } from './contracts/contracts.panel';
import { deliverablePanel, draftPanel, performancePanel, type DeliverablesPort } from './deliverables/deliverables.panel';
import { escalationPanel, type EscalationsPort } from './escalations/escalations.panel';
import type { ImportUploadPort } from './imports/import-upload.action';
import { importPanel } from './imports/imports.panel';
import { deliveryPanel, notificationPanel, type NotificationsPort } from './notifications/notifications.panel';
import { payoutPanel, type PayoutsPort } from './payouts/payouts.panel';
import { webhookPanel, type WebhooksPort } from './webhooks/webhooks.panel';
import { bookingRiskFlagPanel } from './risk-flags/risk-flags.panel';
import { brandPanel, type BrandsPort } from './roster/brands.panel';
import type { CreatorsPort } from './roster/creator-actions';
import { creatorPanel } from './roster/creators.panel';
import { exclusivityWindowPanel } from './roster/exclusivity-windows.panel';
import { satisfactionPanel, type SatisfactionPort } from './satisfaction/satisfaction.panel';
import { targetPanel } from './targets/targets.panel';
import { auditLogPanel, userPanel, type UserPanelDependencies } from './users/users.panel';

/**
 * Every record type the back office shows, from its own folder's `*.panel.ts`, in sidebar
 * order. The services are the ones the REST API uses, so a decision taken in the panel is
 * validated and recorded the same way as over the API.
 */
export interface PanelDependencies extends SpecDependencies, UserPanelDependencies {
  collaborations: CollaborationActionsPort;
  contracts: ContractsPort;
  deliverables: DeliverablesPort;
  payouts: PayoutsPort;
  escalations: EscalationsPort;
  campaigns: CampaignsPort;
  creators: CreatorsPort;
  brands: BrandsPort;
  satisfaction: SatisfactionPort;
  imports: ImportUploadPort;
  notifications: NotificationsPort;
  webhooks: WebhooksPort;
}

export function panelResources(deps: PanelDependencies): PanelResource[] {
  return [
    collaborationPanel(deps),
    escalationPanel(deps),
    notificationPanel(deps),
    deliveryPanel(),
    bookingRiskFlagPanel(),
    creatorPanel(deps),
    brandPanel(deps),
    campaignPanel(deps),
    userPanel(deps),
    webhookPanel(deps),
    auditLogPanel(),
    importPanel(deps),
    contractPanel(deps),
    deliverablePanel(deps),
    draftPanel(),
    payoutPanel(deps),
    satisfactionPanel(deps),
    exclusivityWindowPanel(),
    performancePanel(),
    targetPanel(),
  ];
}
