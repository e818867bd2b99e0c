import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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
