import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { InsightScopes } from './scope';

@Module({
  imports: [UsersModule],
  controllers: [KpisController],
  providers: [KpisService, InsightScopes],
  exports: [KpisService, InsightScopes],
})
export class KpisModule {}
