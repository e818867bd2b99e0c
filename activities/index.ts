import { DataSource } from 'typeorm';
import type { AppConfig } from '../libs/config/config';
import { CampaignActivities, campaignActivities } from './campaign.activities';
import { CollaborationActivities } from './collaboration.activities';
import { ConflictActivities } from './conflict.activities';
import { ContractActivities } from './contract.activities';
import { DigestActivities } from './digest.activities';
import { EmailDelivery } from './email-delivery';
import { BrandContactMail } from './brand-contact-mail';
import { NotificationChannels } from './notification-channels';
import { WebhookDelivery } from './webhook-delivery';
import { EnteredMetricsSource } from './metrics-source';
import { PayoutActivities } from './payout.activities';
import { LedgerPayoutProvider, PayoutProvider } from './payout-provider';
import { PostingActivities } from './posting.activities';
import { ProductionActivities } from './production.activities';
import { ReplacementActivities } from './replacement.activities';
import { ReportActivities } from './report.activities';
import { SatisfactionActivities } from './satisfaction.activities';
import { UnderperformerActivities } from './underperformer.activities';

export interface CollaborationActivityProviders {
  collaborations: CollaborationActivities;
  conflicts: ConflictActivities;
  replacements: ReplacementActivities;
  contracts: ContractActivities;
  production: ProductionActivities;
  posting: PostingActivities;
  payouts: PayoutActivities;
  campaigns: CampaignActivities;
  satisfaction: SatisfactionActivities;
  reports: ReportActivities;
  underperformers: UnderperformerActivities;
  digests: DigestActivities;
}

/** The activity functions the worker registers for the campaign and collaboration workflows, bound to their providers. */
export function collaborationActivities({ collaborations, conflicts, replacements, contracts, production, posting, payouts, campaigns, satisfaction, reports, underperformers, digests }: CollaborationActivityProviders) {
  return {
    ...campaignActivities(campaigns),
    recordStage: collaborations.recordStage.bind(collaborations),
    recordDeadlines: collaborations.recordDeadlines.bind(collaborations),
    recordBriefAcknowledgement: collaborations.recordBriefAcknowledgement.bind(collaborations),
    remind: collaborations.remind.bind(collaborations),
    escalate: collaborations.escalate.bind(collaborations),
    reescalate: collaborations.reescalate.bind(collaborations),
    closeEscalation: collaborations.closeEscalation.bind(collaborations),
    recordTerms: collaborations.recordTerms.bind(collaborations),
    recordCommercialsApproval: collaborations.recordCommercialsApproval.bind(collaborations),
    commercialsApprovalAuthority: collaborations.commercialsApprovalAuthority.bind(collaborations),
    recordLicenceEnd: collaborations.recordLicenceEnd.bind(collaborations),
    checkConflicts: conflicts.checkConflicts.bind(conflicts),
    escalateDropout: replacements.escalateDropout.bind(replacements),
    prepareContracts: contracts.prepareContracts.bind(contracts),
    recordSignature: contracts.recordSignature.bind(contracts),
    registerExclusivity: contracts.registerExclusivity.bind(contracts),
    undoContracts: contracts.undoContracts.bind(contracts),
    createDeliverables: production.createDeliverables.bind(production),
    recordDraft: production.recordDraft.bind(production),
    recordReview: production.recordReview.bind(production),
    cancelDeliverables: production.cancelDeliverables.bind(production),
    verifyPost: posting.verifyPost.bind(posting),
    captureSnapshots: posting.captureSnapshots.bind(posting),
    requestPayout: payouts.requestPayout.bind(payouts),
    recordInvoice: payouts.recordInvoice.bind(payouts),
    approvePayout: payouts.approvePayout.bind(payouts),
    disburse: payouts.disburse.bind(payouts),
    requestSatisfactionRating: satisfaction.requestSatisfactionRating.bind(satisfaction),
    remindSatisfactionRating: satisfaction.remindSatisfactionRating.bind(satisfaction),
    listTeamLeads: reports.listTeamLeads.bind(reports),
    generateTeamReport: reports.generateTeamReport.bind(reports),
    evaluateUnderperformers: underperformers.evaluateUnderperformers.bind(underperformers),
    listDigestRecipients: digests.listDigestRecipients.bind(digests),
    // Bound so Temporal's arguments stop at the input: the try number comes from the activity's context.
    sendDigest: (input: Parameters<DigestActivities['sendDigest']>[0]) => digests.sendDigest(input),
  };
}

export type CollaborationActivityFunctions = ReturnType<typeof collaborationActivities>;

/** The providers without Nest, over one DataSource (tests, scripts). */
export function collaborationActivityProviders(
  db: DataSource,
  provider: PayoutProvider = new LedgerPayoutProvider(db),
  settings: { satisfactionReminderMs?: number; mail?: Pick<AppConfig, 'mail' | 'publicUrl'>; webhooks?: Pick<AppConfig, 'webhooks' | 'publicUrl'> } = {},
): CollaborationActivityProviders {
  const email = settings.mail ? new EmailDelivery(db, settings.mail) : undefined;
  const channels = new NotificationChannels(email, settings.webhooks ? new WebhookDelivery(db, settings.webhooks) : undefined);
  const collaborations = new CollaborationActivities(db, channels, undefined, email ? new BrandContactMail(db, email) : undefined);
  return {
    collaborations,
    conflicts: new ConflictActivities(db),
    replacements: new ReplacementActivities(db, collaborations),
    contracts: new ContractActivities(db),
    production: new ProductionActivities(db),
    posting: new PostingActivities(db, new EnteredMetricsSource(db)),
    payouts: new PayoutActivities(db, provider),
    campaigns: new CampaignActivities(db),
    reports: new ReportActivities(db),
    underperformers: new UnderperformerActivities(db, channels),
    digests: new DigestActivities(db, email, settings.mail),
    satisfaction: new SatisfactionActivities(db, settings.satisfactionReminderMs === undefined ? undefined : { satisfactionReminderMs: settings.satisfactionReminderMs }, channels),
  };
}
