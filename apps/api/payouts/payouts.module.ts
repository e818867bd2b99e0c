import { Module } from '@nestjs/common';
import { CollaborationsModule } from '../collaborations/collaborations.module';
import { UsersModule } from '../users/users.module';
import { PayoutsController } from './payouts.controller';
import { PayoutsListController } from './payouts-list.controller';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [CollaborationsModule, UsersModule],
  controllers: [PayoutsController, PayoutsListController],
  providers: [PayoutsService],
  exports: [PayoutsService],
})
export class PayoutsModule {}
