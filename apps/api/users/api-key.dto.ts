import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Zapier', description: 'A label to recognise the key by' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 90, description: 'Days until the key stops working (1–3650); omit for a key that does not expire' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ListApiKeysQueryDto {
  @ApiPropertyOptional({ description: "Admins only: list this user's keys instead of your own" })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ example: 'Zapier' }) name: string;
  @ApiProperty({ example: '3f9a0c1d2b4e5f60', description: 'Public part of the token (co_<prefix>_…), to tell keys apart' }) prefix: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'Recorded to the minute' }) lastUsedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ example: 'co_3f9a0c1d2b4e5f60_…', description: 'Shown once, now: store it in your integration. It cannot be retrieved again.' })
  token: string;
}
