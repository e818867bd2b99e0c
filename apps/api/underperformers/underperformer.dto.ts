import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto, PageDto } from '../common/list-query';

export const FLAG_STATUSES = ['open', 'cleared', 'all'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export class UnderperformerListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: FLAG_STATUSES, default: 'open', description: 'open: not cleared yet; cleared: cleared on a later day; all: both' })
  @IsOptional() @IsIn(FLAG_STATUSES, { message: 'status must be open, cleared or all' })
  status?: FlagStatus;
}

export class UnderperformerFlagDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['creator', 'campaign'] }) subjectKind: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ description: "The creator's or the campaign's name" }) subjectName: string;
  @ApiProperty({ enum: ['nmvPerPost', 'roas', 'engagementRate'], description: 'What is low (docs/metrics.md#underperformer-flags)' }) metric: string;
  @ApiProperty({ description: 'The low value: minor units for nmvPerPost, a ratio otherwise' }) observed: number;
  @ApiProperty({ description: 'What it is compared with, in the same unit' }) baseline: number;
  @ApiProperty({ enum: ['cohort', 'trend'], description: 'cohort: same platform, tier and niche; trend: its own previous 84 days' }) basis: string;
  @ApiProperty({ format: 'date', description: 'The first post in the evaluation window below the baseline' }) since: string;
  @ApiProperty({ enum: ['replace_creator', 'pause_affiliate_spend', 'shift_format_platform', 'refresh_brief_hook', 'change_posting_time'] }) suggestion: string;
  @ApiProperty() explanation: string;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 4217, for nmvPerPost only' }) currency: string | null;
  @ApiProperty({ format: 'date' }) raisedOn: string;
  @ApiProperty({ format: 'date', description: 'The last day the evaluation found it' }) evaluatedOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) clearedOn: string | null;
}

export class UnderperformerPageDto extends PageDto {
  @ApiProperty({ type: [UnderperformerFlagDto] }) items: UnderperformerFlagDto[];
}
