import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';
import { IsFeeWithinPrice, IsMinorUnits } from '../common/domain-validators';

export class DropOutDto {
  @ApiProperty({ example: 'Creator signed with a competitor' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}

export class UsageRightsDto {
  @ApiPropertyOptional({ example: ['instagram'] }) @IsOptional() @IsArray() @IsString({ each: true })
  channels?: string[];

  @ApiPropertyOptional({ example: 90 }) @IsOptional() @IsInt() @Min(0)
  durationDays?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  paidAmplification?: boolean;
}

export class ExclusivityDto {
  @ApiProperty({ example: 'skincare' }) @IsString() @IsNotEmpty() @MaxLength(100)
  category: string;

  @ApiProperty({ example: '2026-12-01' }) @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ example: '2027-02-28' }) @IsISO8601({ strict: true })
  end: string;
}

export class DeliverablePlanDto {
  @ApiProperty({ enum: DeliverableType }) @IsEnum(DeliverableType)
  type: DeliverableType;

  @ApiProperty({ enum: Platform }) @IsEnum(Platform)
  platform: Platform;

  @ApiProperty({ example: '2026-12-10T12:00:00Z' }) @IsISO8601({ strict: true })
  draftDueAt: string;

  @ApiPropertyOptional({ example: '2026-12-15T12:00:00Z' }) @IsOptional() @IsISO8601({ strict: true })
  scheduledPostAt?: string;
}

/** Commercial terms; the workflow checks them as a whole (margin, currency, dates). */
export class TermsDto {
  @ApiProperty({ type: [DeliverablePlanDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DeliverablePlanDto)
  deliverables: DeliverablePlanDto[];

  @ApiProperty({ example: 10000000, description: 'What the brand pays, integer minor units' }) @IsMinorUnits(1)
  brandPriceMinor: number;

  @ApiProperty({ example: 7500000, description: "The creator's fee, integer minor units, at most the brand price" }) @IsMinorUnits(0) @IsFeeWithinPrice()
  creatorFeeMinor: number;

  @ApiProperty({ example: 'INR' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as INR' })
  currency: string;

  @ApiProperty({ example: 30, description: 'Payment due this many days after verified posting' }) @IsInt() @Min(0) @Max(120)
  paymentNetDays: number;

  @ApiProperty({ example: 2500, description: 'Kill fee, basis points of the creator fee' }) @IsInt() @Min(0) @Max(10000)
  killFeeBps: number;

  @ApiPropertyOptional({ type: UsageRightsDto }) @IsOptional() @ValidateNested() @Type(() => UsageRightsDto)
  usageRights?: UsageRightsDto;

  @ApiPropertyOptional({ type: ExclusivityDto }) @IsOptional() @ValidateNested() @Type(() => ExclusivityDto)
  exclusivity?: ExclusivityDto;
}

export class ApproveCommercialsDto {
  @ApiProperty({ example: 'Strategic creator for the launch' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
