import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EscalationResolution } from '../../../libs/domain/rules/escalations';
import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';

export class DropOutDto {
  @ApiProperty({ example: 'Creator signed with a competitor' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}

/** The choices people make; RESOLVED_LATE and BOOKING_ENDED are the system's own. */
const HUMAN_RESOLUTIONS = [EscalationResolution.Extend, EscalationResolution.Override, EscalationResolution.Drop, EscalationResolution.Accept];

export class ResolveEscalationDto {
  @ApiProperty({ enum: HUMAN_RESOLUTIONS })
  @IsEnum(Object.fromEntries(HUMAN_RESOLUTIONS.map((r) => [r, r])), { message: `resolution must be one of ${HUMAN_RESOLUTIONS.join(', ')}` })
  resolution: EscalationResolution;

  @ApiProperty({ example: 'Creator is travelling; one more day' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ example: '24h', description: 'With EXTEND: how much more time (90s, 24h, 3d)' })
  @IsOptional() @Matches(/^(\d+(\.\d+)?(ms|s|m|h|d))+$/, { message: 'extendBy must be a duration such as 24h or 3d' })
  extendBy?: string;
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

  @ApiProperty({ example: 10000000, description: 'What the brand pays, integer minor units' }) @IsInt() @Min(1)
  brandPriceMinor: number;

  @ApiProperty({ example: 7500000, description: "The creator's fee, integer minor units" }) @IsInt() @Min(0)
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

export class SignatureDto {
  @ApiProperty({ enum: ['creator', 'agency'], description: "creator: recorded by the talent manager; agency: a manager's signature" })
  @IsEnum({ creator: 'creator', agency: 'agency' }, { message: 'party must be creator or agency' })
  party: 'creator' | 'agency';

  @ApiProperty({ description: 'SHA-256 of the document signed, as sent (GET /collaborations/:id/contracts)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentHash must be a SHA-256 hex digest' })
  documentHash: string;
}

export class SubmitDraftDto {
  @ApiProperty({ example: 'https://drive.example.com/reel-v2.mp4' })
  @Matches(/^https:\/\/\S+$/, { message: 'assetUrl must be an https:// link to the draft' }) @MaxLength(2048)
  assetUrl: string;

  @ApiProperty({ example: 'Sponsored: three days with the winter serum' }) @IsString() @MaxLength(2200)
  caption: string;

  @ApiPropertyOptional({ description: "The platform's paid-partnership label is on" }) @IsOptional() @IsBoolean()
  paidPartnershipLabel?: boolean;
}

export class ReviewDraftDto {
  @ApiProperty({ enum: ['approve', 'request_changes'] })
  @IsEnum({ approve: 'approve', request_changes: 'request_changes' }, { message: 'decision must be approve or request_changes' })
  decision: 'approve' | 'request_changes';

  @ApiPropertyOptional({ example: 'Show the texture in the first 3 seconds' }) @IsOptional() @IsString() @MaxLength(4000)
  feedback?: string;
}

export class MarkPostedDto {
  @ApiProperty({ example: 'https://www.instagram.com/reel/C1a2b3/' })
  @Matches(/^https:\/\/\S+$/, { message: 'liveUrl must be the https:// link to the live post' }) @MaxLength(2048)
  liveUrl: string;

  @ApiProperty({ example: 'Sponsored: three days with the winter serum' }) @IsString() @MaxLength(2200)
  caption: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  paidPartnershipLabel?: boolean;
}

export class InvoiceDto {
  @ApiProperty({ example: 'INV-2026/041' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,59}$/, { message: 'invoiceNumber must be 1-60 letters, digits, "/", ".", "_" or "-"' })
  invoiceNumber: string;
}
