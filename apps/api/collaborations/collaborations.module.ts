import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { UsersModule } from '../users/users.module';
import { CollaborationDecisions } from './collaboration-decisions';
import { CollaborationsController } from './collaborations.controller';
import { CollaborationsService } from './collaborations.service';

@Module({
  imports: [UsersModule, CampaignsModule],
  controllers: [CollaborationsController],
  providers: [CollaborationsService, CollaborationDecisions],
  exports: [CollaborationsService, CollaborationDecisions],
})
export class CollaborationsModule {}
