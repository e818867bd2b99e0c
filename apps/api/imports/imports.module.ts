import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CreatorSalesImport } from './creator-sales.import';
import { ImportsController } from './imports.controller';
import { PostPerformanceImport } from './post-performance.import';

/** Performance data in: creator sales and post performance, from CSV (docs/imports.md). */
@Module({
  imports: [UsersModule],
  controllers: [ImportsController],
  providers: [CreatorSalesImport, PostPerformanceImport],
  exports: [CreatorSalesImport, PostPerformanceImport],
})
export class ImportsModule {}
