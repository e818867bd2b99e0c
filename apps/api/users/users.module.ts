import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAuthGuard } from './api-auth.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { RecordReach } from './record-reach';
import { UsersService } from './users.service';

@Module({
  controllers: [ApiKeysController],
  providers: [UsersService, RecordReach, ApiKeysService, { provide: APP_GUARD, useClass: ApiAuthGuard }],
  exports: [UsersService, RecordReach],
})
export class UsersModule {}
