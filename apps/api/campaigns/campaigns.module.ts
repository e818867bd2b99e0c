import { Module } from '@nestjs/common';
import { RequestKeys } from '../common/request-keys';
import { UsersModule } from '../users/users.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsListController } from './campaigns-list.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [UsersModule],
  controllers: [CampaignsController, CampaignsListController],
  providers: [CampaignsService, RequestKeys],
  exports: [CampaignsService],
})
export class CampaignsModule {}
