import { Module } from '@nestjs/common';
import { CollaborationsModule } from '../collaborations/collaborations.module';
import { UsersModule } from '../users/users.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsListController } from './escalations-list.controller';
import { EscalationsService } from './escalations.service';

@Module({
  imports: [CollaborationsModule, UsersModule],
  controllers: [EscalationsController, EscalationsListController],
  providers: [EscalationsService],
  exports: [EscalationsService],
})
export class EscalationsModule {}
