import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in payout provider's own ledger: one row per disbursement, keyed by the payout's
 * idempotency key, as a real provider keys its transfers. Counting rows here is counting what
 * the provider paid, independently of our payouts table.
 */
export class PayoutProviderLedger1795310000000 implements MigrationInterface {
  name = 'PayoutProviderLedger1795310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payout_provider_ledger" ("id" BIGSERIAL NOT NULL, "idempotencyKey" character varying(200) NOT NULL, "amountMinor" bigint NOT NULL, "currency" character(3) NOT NULL, "payeeReference" character varying(120), "reference" character varying(120) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_payout_provider_ledger_key" UNIQUE ("idempotencyKey"), CONSTRAINT "PK_payout_provider_ledger" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payout_provider_ledger"`);
  }
}
