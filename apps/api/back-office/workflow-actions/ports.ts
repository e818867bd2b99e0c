import type { CampaignsService } from '../../campaigns/campaigns.service';
import type { CollaborationsService } from '../../collaborations/collaborations.service';

/**
 * The services the panel's decisions go through: the very ones the REST API calls, so a
 * decision is validated, deduplicated and recorded the same way wherever it is taken.
 * Type-only imports: nothing of Nest is loaded here.
 */
export type CollaborationDecisions = Pick<
  CollaborationsService,
  | 'acknowledgeBrief'
  | 'offerTerms'
  | 'acceptTerms'
  | 'approveCommercials'
  | 'recordSignature'
  | 'submitDraft'
  | 'reviewDraft'
  | 'markPosted'
  | 'submitInvoice'
  | 'approvePayout'
  | 'resolveEscalation'
  | 'dropOut'
  | 'view'
  | 'deliverables'
>;

export type CampaignDecisions = Pick<CampaignsService, 'close' | 'cancel' | 'followEndDate'>;

export interface WorkflowActionDependencies {
  collaborations: CollaborationDecisions;
  campaigns: CampaignDecisions;
}
