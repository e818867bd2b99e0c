import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

export class CreateCollaborationDto {
  @ApiProperty() @IsUUID()
  campaignId: string;

  @ApiProperty() @IsUUID()
  creatorId: string;

  @ApiPropertyOptional({ description: "Defaults to the creator's owning talent manager" }) @IsOptional() @IsUUID()
  talentManagerId?: string;

  @ApiPropertyOptional({ description: 'What the brand pays, integer minor units in the campaign currency' })
  @IsOptional() @IsInt() @Min(1)
  brandPriceMinor?: number;

  @ApiPropertyOptional({ description: "The creator's fee, integer minor units in the campaign currency" })
  @IsOptional() @IsInt() @Min(0)
  creatorFeeMinor?: number;
}
