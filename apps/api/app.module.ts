import { Module } from '@nestjs/common';
import { ConfigModule } from '../../libs/config/config.module';
import { DatabaseModule } from '../../libs/db/database.module';
import { TemporalModule } from '../../libs/temporal/temporal.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CollaborationsModule } from './collaborations/collaborations.module';
import { ContractsModule } from './contracts/contracts.module';
import { DeliverablesModule } from './deliverables/deliverables.module';
import { EscalationsModule } from './escalations/escalations.module';
import { ForecastsModule } from './forecasts/forecasts.module';
import { HealthController } from './health/health.controller';
import { KpisModule } from './kpis/kpis.module';
import { PlanningModule } from './planning/planning.module';
import { ImportsModule } from './imports/imports.module';
import { PayoutsModule } from './payouts/payouts.module';
import { ReportsModule } from './reports/reports.module';
import { RosterModule } from './roster/roster.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { UnderperformersModule } from './underperformers/underperformers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    UsersModule,
    RosterModule,
    CampaignsModule,
    CollaborationsModule,
    ContractsModule,
    DeliverablesModule,
    PayoutsModule,
    EscalationsModule,
    SatisfactionModule,
    KpisModule,
    AnalyticsModule,
    ForecastsModule,
    PlanningModule,
    UnderperformersModule,
    ReportsModule,
    ImportsModule,
    NotificationsModule,
    WebhooksModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
