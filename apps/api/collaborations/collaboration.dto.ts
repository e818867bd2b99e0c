import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsFeeWithinPrice, IsMinorUnits } from '../common/domain-validators';

export class CreateCollaborationDto {
  @ApiProperty() @IsUUID()
  campaignId: string;

  @ApiProperty() @IsUUID()
  creatorId: string;

  @ApiPropertyOptional({ description: "Defaults to the creator's owning talent manager" }) @IsOptional() @IsUUID()
  talentManagerId?: string;

  @ApiPropertyOptional({ description: 'What the brand pays, integer minor units in the campaign currency' })
  @IsOptional() @IsMinorUnits(1)
  brandPriceMinor?: number;

  @ApiPropertyOptional({ description: "The creator's fee, integer minor units in the campaign currency, at most the brand price" })
  @IsOptional() @IsMinorUnits(0) @IsFeeWithinPrice()
  creatorFeeMinor?: number;
}
