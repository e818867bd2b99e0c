import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, Matches } from 'class-validator';

export class SignatureDto {
  @ApiProperty({ enum: ['creator', 'agency'], description: "creator: recorded by the talent manager; agency: a manager's signature" })
  @IsEnum({ creator: 'creator', agency: 'agency' }, { message: 'party must be creator or agency' })
  party: 'creator' | 'agency';

  @ApiProperty({ description: 'SHA-256 of the document signed, as sent (GET /collaborations/:id/contracts)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentHash must be a SHA-256 hex digest' })
  documentHash: string;
}
