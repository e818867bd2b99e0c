import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class InvoiceDto {
  @ApiProperty({ example: 'INV-2026/041' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,59}$/, { message: 'invoiceNumber must be 1-60 letters, digits, "/", ".", "_" or "-"' })
  invoiceNumber: string;
}
