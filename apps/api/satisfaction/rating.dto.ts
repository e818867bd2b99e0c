import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RATING_MAX, RATING_MIN, RATING_NOTE_MAX_LENGTH } from '../../../libs/domain/rules/satisfaction';

export class RateCreatorDto {
  @ApiProperty({ minimum: RATING_MIN, maximum: RATING_MAX, example: 4, description: '1 = very unhappy, 5 = very happy' })
  @IsInt({ message: `rating must be a whole number from ${RATING_MIN} to ${RATING_MAX}` })
  @Min(RATING_MIN, { message: `rating must be a whole number from ${RATING_MIN} to ${RATING_MAX}` })
  @Max(RATING_MAX, { message: `rating must be a whole number from ${RATING_MIN} to ${RATING_MAX}` })
  rating: number;

  @ApiPropertyOptional({ example: 'Happy with the brief; payment took too long' })
  @IsOptional() @IsString() @MaxLength(RATING_NOTE_MAX_LENGTH)
  note?: string;
}
