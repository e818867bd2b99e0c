import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { UnderperformersController } from './underperformers.controller';
import { UnderperformersService } from './underperformers.service';

@Module({
  imports: [UsersModule],
  controllers: [UnderperformersController],
  providers: [UnderperformersService],
  exports: [UnderperformersService],
})
export class UnderperformersModule {}
