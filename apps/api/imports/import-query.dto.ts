import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CREATOR_SALES_FORMATS } from './creator-sales.import';

const YES_NO = ['true', 'false'];

/** What every import route takes besides the file (docs/imports.md#over-rest). */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: YES_NO, description: 'Store the good rows even when some are bad (200 with the bad ones listed); default: one bad row stores nothing (400)' })
  @IsOptional()
  @IsIn(YES_NO, { message: 'partial must be true or false' })
  partial?: string;

  @ApiPropertyOptional({ enum: YES_NO, description: 'Check the file and store nothing: the counts it would give, the bad rows and the first 20 rows' })
  @IsOptional()
  @IsIn(YES_NO, { message: 'dryRun must be true or false' })
  dryRun?: string;

  @ApiPropertyOptional({ description: "The file's name for the imports list and the audit log (else Content-Disposition's filename)" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;
}

export class CreatorSalesQueryDto extends ImportQueryDto {
  @ApiPropertyOptional({ enum: CREATOR_SALES_FORMATS, description: 'canonical (default) or a saved mapping of a marketplace export' })
  @IsOptional()
  @IsIn(CREATOR_SALES_FORMATS, { message: `format must be one of ${CREATOR_SALES_FORMATS.join(', ')}` })
  format?: (typeof CREATOR_SALES_FORMATS)[number];

  @ApiPropertyOptional({ description: "A saved mapping only: the brand (name or id) the export's shop sells for" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  brand?: string;

  @ApiPropertyOptional({ example: 'USD', description: 'A saved mapping only: the currency of an export without a Currency column' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string;
}
