import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EscalationResolution } from '../../../libs/domain/rules/escalations';

/** The choices people make; RESOLVED_LATE and BOOKING_ENDED are the system's own. */
const HUMAN_RESOLUTIONS = [EscalationResolution.Extend, EscalationResolution.Override, EscalationResolution.Drop, EscalationResolution.Accept];

export class ResolveEscalationDto {
  @ApiProperty({ enum: HUMAN_RESOLUTIONS })
  @IsEnum(Object.fromEntries(HUMAN_RESOLUTIONS.map((r) => [r, r])), { message: `resolution must be one of ${HUMAN_RESOLUTIONS.join(', ')}` })
  resolution: EscalationResolution;

  @ApiProperty({ example: 'Creator is travelling; one more day' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ example: '24h', description: 'With EXTEND: how much more time (90s, 24h, 3d)' })
  @IsOptional() @Matches(/^(\d+(\.\d+)?(ms|s|m|h|d))+$/, { message: 'extendBy must be a duration such as 24h or 3d' })
  extendBy?: string;
}
