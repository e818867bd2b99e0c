import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateWebhookDto {
  @ApiProperty({ example: '#campaign-ops on Slack', description: 'What the receiver is' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'https://hooks.example.com/creatorops', description: 'Where events are POSTed: http:// or https:// only' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'url must not be empty' })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ description: 'The manager (or admin) whose team it serves; default: you' })
  @IsOptional()
  @IsUUID()
  teamLeadId?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: '#campaign-ops on Slack' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: 'https://hooks.example.com/creatorops', description: 'http:// or https:// only' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'false pauses deliveries' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
