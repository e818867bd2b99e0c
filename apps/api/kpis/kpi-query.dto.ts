import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches } from 'class-validator';

export class KpiBoardQueryDto {
  @ApiProperty({ enum: ['executive', 'team'], description: "executive: a talent manager's own figures; team: a manager and everyone below them" })
  @IsIn(['executive', 'team'], { message: 'scope must be executive or team' })
  scope: 'executive' | 'team';

  @ApiProperty({ description: 'The executive, or the manager whose team it is' })
  @IsUUID('all', { message: 'id must be a user id (UUID)' })
  id: string;

  @ApiProperty({ enum: ['month', 'quarter'] })
  @IsIn(['month', 'quarter'], { message: 'period must be month or quarter' })
  period: 'month' | 'quarter';

  @ApiProperty({ example: '2026-10-01', description: 'The first day of the month or quarter' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'start must be a date (YYYY-MM-DD)' })
  start: string;
}
