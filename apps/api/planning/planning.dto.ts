import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PLANNING_LEVELS, PLANNING_PERIOD_KINDS, STRETCH_PERCENT, type PlanningLevel, type PlanningPeriodKind } from '../../../libs/domain/rules/planning';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const stretchMessage = `stretchPercent must be a number between ${STRETCH_PERCENT.min} and ${STRETCH_PERCENT.max} (10 for +10 %)`;
// At most two decimals is checked by the planning rule (stretchProblem), not with IsNumber's
// maxDecimalPlaces: that option throws on a number printed in exponent form (5e-324), a 500.

/** Which plan: a quarter or a year, per executive or per team. */
export class PlanningQueryDto {
  @ApiProperty({ enum: PLANNING_PERIOD_KINDS, description: 'A quarter, or a calendar year (planned as its four quarters)' })
  @IsIn(PLANNING_PERIOD_KINDS, { message: 'period must be quarter or year' })
  period: PlanningPeriodKind;

  @ApiProperty({ example: '2027-01-01', description: 'The first day of the quarter (January, April, July or October) or of the year' })
  @Matches(DATE, { message: 'start must be a date (YYYY-MM-DD)' })
  start: string;

  @ApiProperty({ enum: PLANNING_LEVELS, description: "talentManager: each executive's own creators; team: each manager's reports" })
  @IsIn(PLANNING_LEVELS, { message: 'level must be talentManager or team' })
  level: PlanningLevel;

  @ApiPropertyOptional({ example: 10, default: 0, description: 'The stretch the proposed targets add to the forecast, in percent (at most two decimals)' })
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }, { message: stretchMessage })
  @Min(STRETCH_PERCENT.min, { message: stretchMessage }) @Max(STRETCH_PERCENT.max, { message: stretchMessage })
  stretchPercent?: number;

  @ApiPropertyOptional({ example: '2026-10', description: 'Plan from the forecast made as at the end of this month (default: the last complete month)' })
  @IsOptional() @Matches(MONTH, { message: 'asOf must be a month (YYYY-MM)' })
  asOf?: string;
}

/** Set (or reset) the NMV targets of a plan: forecast + stretch %, per subject, currency and quarter. */
export class PlanningTargetsDto {
  @ApiProperty({ enum: PLANNING_PERIOD_KINDS })
  @IsIn(PLANNING_PERIOD_KINDS, { message: 'period must be quarter or year' })
  period: PlanningPeriodKind;

  @ApiProperty({ example: '2027-01-01' })
  @Matches(DATE, { message: 'start must be a date (YYYY-MM-DD)' })
  start: string;

  @ApiProperty({ enum: PLANNING_LEVELS })
  @IsIn(PLANNING_LEVELS, { message: 'level must be talentManager or team' })
  level: PlanningLevel;

  @ApiProperty({ example: 10, description: 'target = round(forecast × (1 + stretchPercent ÷ 100)), at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: stretchMessage })
  @Min(STRETCH_PERCENT.min, { message: stretchMessage }) @Max(STRETCH_PERCENT.max, { message: stretchMessage })
  stretchPercent: number;

  @ApiPropertyOptional({ type: [String], description: 'Only these executives or teams (user ids; a team by its manager); default: every one in your reach with a forecast' })
  @IsOptional() @IsArray({ message: 'ids must be a list of user ids' }) @ArrayMinSize(1, { message: 'ids, when given, must name at least one' }) @ArrayMaxSize(200, { message: 'ids may name at most 200' })
  @IsUUID('all', { each: true, message: 'each of ids must be a user id (UUID)' })
  ids?: string[];

  @ApiPropertyOptional({ example: '2026-10', description: 'Plan from the forecast made as at the end of this month (default: the last complete month)' })
  @IsOptional() @Matches(MONTH, { message: 'asOf must be a month (YYYY-MM)' })
  asOf?: string;
}
