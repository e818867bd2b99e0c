import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { EmailCadence } from '../../../libs/domain/rules/notification-preferences';

export class EmailCategoriesDto {
  @ApiPropertyOptional({ description: 'Reminders before a deadline' }) @IsOptional() @IsBoolean() reminders?: boolean;
  @ApiPropertyOptional({ description: 'Escalations raised to you' }) @IsOptional() @IsBoolean() escalations?: boolean;
  @ApiPropertyOptional({ description: 'Creator-satisfaction ratings requested or due' }) @IsOptional() @IsBoolean() ratings?: boolean;
  @ApiPropertyOptional({ description: 'Underperformer flags' }) @IsOptional() @IsBoolean() performance?: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ type: EmailCategoriesDto, description: 'Per category: e-mailed (true) or in the inbox only (false); categories left out are kept' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmailCategoriesDto)
  email?: EmailCategoriesDto;

  @ApiPropertyOptional({ enum: Object.values(EmailCadence), description: 'immediately: one e-mail per notification; daily_digest: one e-mail a day' })
  @IsOptional()
  @IsIn(Object.values(EmailCadence))
  emailCadence?: EmailCadence;
}
