import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FORECAST_LEVELS, type ForecastLevel } from './forecast-levels';

export class NmvForecastQueryDto {
  @ApiPropertyOptional({ enum: FORECAST_LEVELS, default: 'creator', description: 'Whose NMV: each creator, or summed bottom-up per talent manager, team (its manager) or brand' })
  @IsOptional() @IsIn(FORECAST_LEVELS, { message: `level must be one of ${FORECAST_LEVELS.join(', ')}` })
  level?: ForecastLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: 3, default: 3, description: 'Months ahead' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'horizon must be a whole number of months, 1 to 3' }) @Min(1, { message: 'horizon must be 1 to 3 months' }) @Max(3, { message: 'horizon must be 1 to 3 months' })
  horizon?: number;

  @ApiPropertyOptional({ example: '2026-10', description: 'Forecast as at the end of this month, from sales dated up to it (default: the last complete month)' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'asOf must be a month (YYYY-MM)' })
  asOf?: string;
}
