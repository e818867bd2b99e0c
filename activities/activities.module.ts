import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../libs/config/config';
import { CampaignActivities } from './campaign.activities';
import { CollaborationActivities } from './collaboration.activities';
import { ConflictActivities } from './conflict.activities';
import { ContractActivities } from './contract.activities';
import { DigestActivities } from './digest.activities';
import { EmailDelivery } from './email-delivery';
import { NotificationChannels } from './notification-channels';
import { WebhookDelivery } from './webhook-delivery';
import { PortalInvitations } from './portal-invitations';
import { BrandContactMail } from './brand-contact-mail';
import { EnteredMetricsSource, METRICS_SOURCE } from './metrics-source';
import { PayoutActivities } from './payout.activities';
import { HttpPayoutProvider } from './http-payout-provider';
import { LedgerPayoutProvider, PAYOUT_PROVIDER } from './payout-provider';
import { PostingActivities } from './posting.activities';
import { ProductionActivities } from './production.activities';
import { ReplacementActivities } from './replacement.activities';
import { ReportActivities } from './report.activities';
import { SatisfactionActivities } from './satisfaction.activities';
import { UnderperformerActivities } from './underperformer.activities';

const PROVIDERS = [EmailDelivery, PortalInvitations, BrandContactMail, WebhookDelivery, NotificationChannels, DigestActivities, CollaborationActivities, ConflictActivities, ReplacementActivities, ContractActivities, ProductionActivities, PostingActivities, PayoutActivities, CampaignActivities, SatisfactionActivities, ReportActivities, UnderperformerActivities];

@Module({
  // The metrics source is a port: bind another implementation here to read a platform's API.
  providers: [
    ...PROVIDERS,
    { provide: METRICS_SOURCE, useClass: EnteredMetricsSource },
    // The payout provider is a port too: a payouts API over HTTP when PAYOUT_PROVIDER_URL is set,
    // otherwise the built-in bank-file ledger.
    {
      provide: PAYOUT_PROVIDER,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, db: DataSource) => (config.payoutProvider ? new HttpPayoutProvider(config.payoutProvider) : new LedgerPayoutProvider(db)),
    },
  ],
  exports: PROVIDERS,
})
export class ActivitiesModule {}
