import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class BrandGuidelinesDto {
  @ApiPropertyOptional({ example: ['#GlowUp'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  mandatoryHashtags?: string[];

  @ApiPropertyOptional({ example: ['@glowco'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  mandatoryMentions?: string[];

  @ApiPropertyOptional({ example: ['cures acne'] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true })
  prohibitedClaims?: string[];
}

export class BrandContactDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail()
  email?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  role?: string;
}

export class CreateBrandDto {
  @ApiProperty({ example: 'GlowCo' }) @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'skincare' }) @IsString() @IsNotEmpty() @MaxLength(100)
  category: string;

  @ApiPropertyOptional({ example: ['cosmetics'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true })
  competitorCategories?: string[];

  @ApiPropertyOptional({ example: ['ShineCorp'] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true })
  competitorBrands?: string[];

  @ApiPropertyOptional({ type: BrandGuidelinesDto })
  @IsOptional() @ValidateNested() @Type(() => BrandGuidelinesDto)
  guidelines?: BrandGuidelinesDto;

  @ApiPropertyOptional({ type: [BrandContactDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => BrandContactDto)
  contacts?: BrandContactDto[];
}

/** A brand's guidelines after it was added; each list given replaces the stored one, the others stay. */
export class UpdateBrandDto {
  @ApiProperty({ type: BrandGuidelinesDto })
  @IsDefined() @ValidateNested() @Type(() => BrandGuidelinesDto)
  guidelines: BrandGuidelinesDto;
}
