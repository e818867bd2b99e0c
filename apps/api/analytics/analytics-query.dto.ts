import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AnalyticsQueryDto {
  @ApiPropertyOptional({ enum: ['month', 'quarter', 'custom'], default: 'month' })
  @IsOptional() @IsIn(['month', 'quarter', 'custom'], { message: 'period must be month, quarter or custom' })
  period?: 'month' | 'quarter' | 'custom';

  @ApiPropertyOptional({ example: '2026-10-01', description: 'month or quarter: its first day (default: the current one)' })
  @IsOptional() @Matches(DATE, { message: 'start must be a date (YYYY-MM-DD)' })
  start?: string;

  @ApiPropertyOptional({ example: '2026-10-03', description: 'custom: the first day' })
  @IsOptional() @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'custom: the last day (inclusive)' })
  @IsOptional() @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}
