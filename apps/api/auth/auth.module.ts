import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAuthGuard } from './api-auth.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { UsersService } from './users.service';

@Module({
  controllers: [ApiKeysController],
  providers: [UsersService, ApiKeysService, { provide: APP_GUARD, useClass: ApiAuthGuard }],
  exports: [UsersService],
})
export class AuthModule {}
