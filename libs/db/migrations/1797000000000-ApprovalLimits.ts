import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A manager's approval limit: the largest margin exception they may approve alone, in minor units
 * of a currency. Null (every user until an admin sets one) keeps approving as before limits existed.
 */
export class ApprovalLimits1797000000000 implements MigrationInterface {
    name = 'ApprovalLimits1797000000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "approvalLimitMinor" bigint`);
        await queryRunner.query(`ALTER TABLE "users" ADD "approvalLimitCurrency" character(3)`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_approval_limit" CHECK (("approvalLimitMinor" IS NULL) = ("approvalLimitCurrency" IS NULL) AND ("approvalLimitMinor" IS NULL OR "approvalLimitMinor" >= 0))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_approval_limit"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "approvalLimitCurrency"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "approvalLimitMinor"`);
    }
}
