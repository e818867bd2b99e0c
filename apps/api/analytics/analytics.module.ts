import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { UsersModule } from '../users/users.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsScopes } from './analytics-scope';
import { AnalyticsService } from './analytics.service';

@Module({
  imports: [UsersModule, KpisModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsService, AnalyticsScopes],
  exports: [AnalyticsService, AnalyticsScopes],
})
export class AnalyticsModule {}
