import { Module } from '@nestjs/common';
import { ConfigModule } from '../../libs/config/config.module';
import { DatabaseModule } from '../../libs/db/database.module';
import { TemporalModule } from '../../libs/temporal/temporal.module';
import { AuthModule } from './auth/auth.module';
import { BrandsController } from './brands/brands.controller';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CollaborationsModule } from './collaborations/collaborations.module';
import { CreatorsController } from './creators/creators.controller';
import { HealthController } from './health/health.controller';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, AuthModule, CampaignsModule, CollaborationsModule],
  controllers: [HealthController, BrandsController, CreatorsController],
})
export class AppModule {}
