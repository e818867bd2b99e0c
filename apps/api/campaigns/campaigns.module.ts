import { Module } from '@nestjs/common';
import { RequestKeys } from '../common/request-keys';
import { UsersModule } from '../users/users.module';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsListController } from './campaigns-list.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [UsersModule],
  controllers: [CampaignsController, CampaignsListController, CandidatesController],
  providers: [CampaignsService, CandidatesService, RequestKeys],
  exports: [CampaignsService, CandidatesService],
})
export class CampaignsModule {}
