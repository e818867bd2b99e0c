import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DraftReviewer } from '../../../libs/domain/rules/portal-links';
import { Market } from '../../../libs/domain/entities';
import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';
import type { Audience } from '../../../libs/domain/rules/audience';
import type { SlaPolicyOverrides } from '../../../libs/domain/rules/sla';
import { IsAudience, IsMinorUnits, IsSlaOverrides } from '../common/domain-validators';

export class CampaignBriefDto {
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true })
  keyMessages?: string[];

  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true })
  dos?: string[];

  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true })
  donts?: string[];

  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true })
  deliverableSpecs?: string[];

  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true })
  disclosureRequirements?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  requiresNda?: boolean;
}

/** What the creator ranking reads from a brief (docs/metrics.md#creator-recommendations); every field optional. */
export class CampaignTargetingDto {
  @ApiPropertyOptional({ example: ['skincare', 'beauty'] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(60, { each: true })
  targetNiches?: string[];

  @ApiPropertyOptional({ enum: Platform, isArray: true }) @IsOptional() @IsArray() @IsEnum(Platform, { each: true })
  targetPlatforms?: Platform[];

  @ApiPropertyOptional({ enum: DeliverableType, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(DeliverableType, { each: true })
  deliverableTypes?: DeliverableType[];

  @ApiPropertyOptional({ example: 5000000, description: 'Lowest fee per creator, integer minor units of the campaign currency' })
  @IsOptional() @IsMinorUnits(0)
  creatorFeeMinMinor?: number | null;

  @ApiPropertyOptional({ example: 20000000, description: 'Highest fee per creator, integer minor units of the campaign currency' })
  @IsOptional() @IsMinorUnits(0)
  creatorFeeMaxMinor?: number | null;

  @ApiPropertyOptional({ example: ['gambling', 'alcohol'], description: "Topics the brand will not sit beside; creators whose niches or content style name one are excluded" })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(60, { each: true })
  brandSafetyExclusions?: string[];

  @ApiPropertyOptional() @IsOptional() @IsAudience()
  targetAudience?: Audience;
}

export class CreateCampaignDto extends CampaignTargetingDto {
  @ApiProperty() @IsUUID()
  brandId: string;

  @ApiProperty({ example: 'Winter Glow 2026' }) @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  objective?: string;

  @ApiPropertyOptional({ type: CampaignBriefDto }) @IsOptional() @ValidateNested() @Type(() => CampaignBriefDto)
  brief?: CampaignBriefDto;

  @ApiPropertyOptional({ enum: Market, description: 'Disclosure rules that apply: IN (ASCI), US (FTC) or GB (CAP/CMA); docs/compliance.md' })
  @IsOptional() @IsEnum(Market)
  market?: Market;

  @ApiProperty({ example: 150000000, description: 'Integer minor units (paise, cents)' }) @IsMinorUnits(0)
  budgetMinor: number;

  @ApiProperty({ example: 'INR' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as INR' })
  currency: string;

  @ApiProperty({ example: '2026-12-01' }) @IsISO8601({ strict: true })
  startsOn: string;

  @ApiProperty({ example: '2027-01-31' }) @IsISO8601({ strict: true })
  endsOn: string;

  @ApiPropertyOptional({ example: 2000, description: 'Basis points; default 2000 (20 %)' }) @IsOptional() @IsInt() @Min(0) @Max(10000)
  marginFloorBps?: number;

  @ApiPropertyOptional({ enum: Object.values(DraftReviewer), description: "Who reviews drafts: a manager in the panel (default) or the brand's contact through a review link (docs/portal.md)" })
  @IsOptional() @IsIn(Object.values(DraftReviewer), { message: 'draftReviewer must be manager or brand' })
  draftReviewer?: DraftReviewer;

  @ApiPropertyOptional({ example: { briefAckReminder: '12h', briefAckEscalation: '36h' } })
  @IsOptional() @IsSlaOverrides()
  slaOverrides?: SlaPolicyOverrides;

  @ApiPropertyOptional({ description: 'Campaign owner (a manager); defaults to the caller' }) @IsOptional() @IsUUID()
  ownerId?: string;
}

export class CloseCampaignDto {
  @ApiPropertyOptional({ example: 'All creators booked' }) @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

export class CancelCampaignDto {
  @ApiProperty({ example: 'The brand pulled the launch' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
