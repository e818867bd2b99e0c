import { RosterListsController } from './roster-lists.controller';
import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BrandsController } from './brands.controller';
import { CreatorsController } from './creators.controller';
import { CreatorsService } from './creators.service';
import { BrandsService } from './brands.service';

/** The roster: creators and the brands they work for. */
@Module({
  imports: [UsersModule],
  controllers: [CreatorsController, BrandsController, RosterListsController],
  providers: [CreatorsService, BrandsService],
  exports: [CreatorsService, BrandsService],
})
export class RosterModule {}
