import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsEnum, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CONTENT_FORMATS, type ContentFormat } from '../../../libs/domain/rules/compliance';
import { MAX_CONTENT_SECONDS } from '../../../libs/domain/rules/disclosure-facts';

export class OnScreenLabelDto {
  @ApiProperty({ example: 'Ad', description: 'The label as shown on screen' }) @IsString() @IsNotEmpty() @MaxLength(200)
  text: string;

  @ApiProperty({ example: 0, description: 'Second it appears' }) @IsNumber() @Min(0) @Max(MAX_CONTENT_SECONDS)
  fromSecond: number;

  @ApiProperty({ example: 5, description: 'Second it disappears (not before fromSecond)' }) @IsNumber() @Min(0) @Max(MAX_CONTENT_SECONDS)
  toSecond: number;
}

export class SpokenDisclosureDto {
  @ApiPropertyOptional({ description: 'Said at the start' }) @IsOptional() @IsBoolean()
  atStart?: boolean;

  @ApiPropertyOptional({ description: 'Said at the end' }) @IsOptional() @IsBoolean()
  atEnd?: boolean;

  @ApiPropertyOptional({ example: 10, description: 'Live streams: said again at least this often (minutes)' }) @IsOptional() @IsInt() @Min(1) @Max(1440)
  repeatedEveryMinutes?: number;
}

/**
 * How the content discloses beyond its caption, as the creator or talent manager declares it
 * (docs/compliance.md#what-it-judges). All optional: without them a draft is judged as a post by
 * its caption.
 */
export class DisclosureFactsDto {
  @ApiPropertyOptional({ enum: CONTENT_FORMATS, description: 'What is published; video, live and the like need the disclosure in the content itself' })
  @IsOptional() @IsIn(CONTENT_FORMATS, { message: `format must be one of ${CONTENT_FORMATS.join(', ')}` })
  format?: ContentFormat;

  @ApiPropertyOptional({ type: OnScreenLabelDto }) @IsOptional() @ValidateNested() @Type(() => OnScreenLabelDto)
  onScreenLabel?: OnScreenLabelDto;

  @ApiPropertyOptional({ type: SpokenDisclosureDto }) @IsOptional() @ValidateNested() @Type(() => SpokenDisclosureDto)
  spokenDisclosure?: SpokenDisclosureDto;

  @ApiPropertyOptional({ example: 'hi', description: 'Language of the content (BCP 47); detected from the caption when absent' })
  @IsOptional() @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 language tag, such as "en", "hi" or "es-US"' })
  language?: string;

  @ApiPropertyOptional({ example: 90, description: 'Length of the video or audio in seconds' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_CONTENT_SECONDS)
  durationSeconds?: number;
}

export class SubmitDraftDto extends DisclosureFactsDto {
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

export class MarkPostedDto extends DisclosureFactsDto {
  @ApiProperty({ example: 'https://www.instagram.com/reel/C1a2b3/' })
  @Matches(/^https:\/\/\S+$/, { message: 'liveUrl must be the https:// link to the live post' }) @MaxLength(2048)
  liveUrl: string;

  @ApiProperty({ example: 'Sponsored: three days with the winter serum' }) @IsString() @MaxLength(2200)
  caption: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  paidPartnershipLabel?: boolean;

  @ApiPropertyOptional({ example: '2026-12-04T18:30:00Z', description: 'When the post went live; defaults to now, and may not be later than now' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'postedAt must be a date and time (ISO 8601)' })
  postedAt?: string;
}
