import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { UsersModule } from '../users/users.module';
import { RequestKeys } from '../common/request-keys';
import { CollaborationDecisions } from './collaboration-decisions';
import { CollaborationsController } from './collaborations.controller';
import { CollaborationsListController } from './collaborations-list.controller';
import { CollaborationsService } from './collaborations.service';
import { DraftFilesController, PortalLinksController } from '../portal/portal-links.controller';

@Module({
  imports: [UsersModule, CampaignsModule],
  controllers: [CollaborationsController, CollaborationsListController, PortalLinksController, DraftFilesController],
  providers: [CollaborationsService, CollaborationDecisions, RequestKeys],
  exports: [CollaborationsService, CollaborationDecisions],
})
export class CollaborationsModule {}
