import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class GenerateTeamReportDto {
  @ApiProperty({ description: "The team lead (a manager): the report covers their whole team tree" })
  @IsUUID('all', { message: 'managerId must be a user id (UUID)' })
  managerId: string;

  @ApiProperty({ example: '2026-10-01', description: 'The first day of the month to report on' })
  @Matches(/^\d{4}-\d{2}-01$/, { message: 'month must be the first day of a month (YYYY-MM-01)' })
  month: string;
}
