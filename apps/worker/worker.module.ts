import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../activities/activities.module';
import { ConfigModule } from '../../libs/config/config.module';
import { DatabaseModule } from '../../libs/db/database.module';
import { CollaborationWorker } from './collaboration-worker';

@Module({
  imports: [ConfigModule, DatabaseModule, ActivitiesModule],
  providers: [CollaborationWorker],
})
export class WorkerModule {}
