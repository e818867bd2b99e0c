import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface Disbursement {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  /** The provider's token for the creator's bank details (never the details). */
  payeeReference: string | null;
}

/**
 * The port to whoever moves the money (a payouts API, a bank file). Contract: the same
 * idempotency key is one transfer however often it is sent, and the same reference comes back.
 */
export interface PayoutProvider {
  pay(disbursement: Disbursement): Promise<{ reference: string }>;
}

export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');

/**
 * The built-in provider: transfers recorded in its own ledger (`payout_provider_ledger`), for
 * finance to execute as a bank file. Keeps the port's contract with a unique key.
 */
@Injectable()
export class LedgerPayoutProvider implements PayoutProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async pay(disbursement: Disbursement): Promise<{ reference: string }> {
    await this.db.query(
      `INSERT INTO "payout_provider_ledger" ("idempotencyKey", "amountMinor", "currency", "payeeReference", "reference")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("idempotencyKey") DO NOTHING`,
      [disbursement.idempotencyKey, disbursement.amountMinor, disbursement.currency, disbursement.payeeReference, `LEDGER-${randomUUID()}`],
    );
    const [row] = await this.db.query(`SELECT "reference", "amountMinor"::text AS amount FROM "payout_provider_ledger" WHERE "idempotencyKey" = $1`, [disbursement.idempotencyKey]);
    if (Number(row.amount) !== disbursement.amountMinor) {
      throw new Error(`Idempotency key ${disbursement.idempotencyKey} was already used for a different amount`);
    }
    return { reference: row.reference };
  }
}
