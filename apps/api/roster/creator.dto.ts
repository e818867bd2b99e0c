import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString,
  IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import type { Audience } from '../../../libs/domain/rules/audience';
import { CreatorStatus, Platform } from '../../../libs/domain/rules/statuses';
import { IsAudience, IsRateCard } from '../common/domain-validators';

export class CreatorChannelDto {
  @ApiProperty({ enum: Platform }) @IsEnum(Platform)
  platform: Platform;

  @ApiProperty({ example: '@asha.creates' }) @IsString() @IsNotEmpty() @MaxLength(100)
  handle: string;

  @ApiProperty({ example: 250000 }) @IsInt() @Min(0)
  followers: number;

  @ApiPropertyOptional({ example: 80000 }) @IsOptional() @IsInt() @Min(0)
  avgViews?: number;

  @ApiPropertyOptional({ example: 0.045, description: '0..1' }) @IsOptional() @IsNumber() @Min(0) @Max(1)
  engagementRate?: number;
}

export class AvailabilityBlockDto {
  @ApiProperty({ example: '2026-12-20' }) @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ example: '2027-01-05' }) @IsISO8601({ strict: true })
  end: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  reason?: string;
}

export class CreatorPreferencesDto {
  @ApiPropertyOptional() @IsOptional() @IsArray() @IsString({ each: true })
  refusedCategories?: string[];

  @ApiPropertyOptional() @IsOptional() @IsArray() @IsString({ each: true })
  likedFormats?: string[];
}

export class CreateCreatorDto {
  @ApiProperty({ example: 'Asha Rao' }) @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'asha.creates' }) @IsString() @Matches(/^[A-Za-z0-9._-]{2,100}$/, { message: 'handle may use letters, digits, dot, dash and underscore (2-100)' })
  handle: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional({ description: 'Owning talent manager; defaults to the caller' }) @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: CreatorStatus }) @IsOptional() @IsEnum(CreatorStatus)
  status?: CreatorStatus;

  @ApiPropertyOptional({ example: ['beauty', 'skincare'] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true })
  niches?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  contentStyle?: string;

  @ApiPropertyOptional({ example: ['en', 'hi'] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ example: 'IN' }) @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ description: 'A computer-generated character rather than a person (ASCI: must say so in its content)' })
  @IsOptional() @IsBoolean()
  isVirtual?: boolean;

  @ApiPropertyOptional({ example: ['MBBS'], description: 'Qualifications as stated; health and finance content in India must show one (ASCI 2023 addendum)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(120, { each: true })
  qualifications?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ type: [CreatorChannelDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CreatorChannelDto)
  channels?: CreatorChannelDto[];

  @ApiPropertyOptional({ example: { age: { '18-24': 0.6, '25-34': 0.4 }, gender: { female: 0.7, male: 0.3 } } })
  @IsOptional() @IsAudience()
  audience?: Audience;

  @ApiPropertyOptional({ example: { reel: { amountMinor: 5000000, currency: 'INR' } } })
  @IsOptional() @IsRateCard()
  baseRates?: Record<string, { amountMinor: number; currency: string }>;

  @ApiPropertyOptional({ type: CreatorPreferencesDto })
  @IsOptional() @ValidateNested() @Type(() => CreatorPreferencesDto)
  preferences?: CreatorPreferencesDto;

  @ApiPropertyOptional({ type: [AvailabilityBlockDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AvailabilityBlockDto)
  availabilityBlocks?: AvailabilityBlockDto[];

  @ApiPropertyOptional({ description: "The payout provider's token for the creator's bank details (never the details)", example: 'tok_8f3k2m9x1q' })
  @IsOptional() @IsString() @Length(8, 120)
  @Matches(/^[a-z]+_[A-Za-z0-9]{6,}$/, { message: "payoutReference must be a payout provider's token such as tok_8f3k2m9x; never send bank details" })
  payoutReference?: string;
}

/** What changes about a creator after they joined the roster; each field given replaces the stored one. */
export class UpdateCreatorDto extends PickType(CreateCreatorDto, ['channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks'] as const) {}

/** Handing a creator to another owner (docs/domain.md#owner-reassignment). */
export class ReassignCreatorDto {
  @ApiProperty({ description: 'The new owning talent manager (or a manager keeping the creator)' }) @IsUUID()
  toUserId: string;

  @ApiProperty({ example: 'Tara is on leave until March' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ default: true, description: "Running bookings the previous owner holds move too (default); ended ones always stay" })
  @IsOptional() @IsBoolean()
  moveRunningBookings?: boolean;
}
