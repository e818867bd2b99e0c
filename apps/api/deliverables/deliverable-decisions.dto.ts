import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

  @ApiPropertyOptional({ example: '2026-12-04T18:30:00Z', description: 'When the post went live; defaults to now, and may not be later than now' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'postedAt must be a date and time (ISO 8601)' })
  postedAt?: string;
}
