import { RosterListsController } from './roster-lists.controller';
import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BrandsController } from './brands.controller';
import { CreatorsController } from './creators.controller';

/** The roster: creators and the brands they work for. */
@Module({
  imports: [UsersModule],
  controllers: [CreatorsController, BrandsController, RosterListsController],
})
export class RosterModule {}
