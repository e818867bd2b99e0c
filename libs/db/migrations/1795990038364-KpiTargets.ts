import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team KPIs: margin targets carry a currency like the other money targets, and a creator
 * remembers when they left the roster (roster churn). Creators offboarded before this change
 * get their last update time, the best record there is of it.
 */
export class KpiTargets1795990038364 implements MigrationInterface {
  name = 'KpiTargets1795990038364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "creators" ADD "offboardedAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "creators" SET "offboardedAt" = "updatedAt" WHERE "status" = 'offboarded'`);
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "CHK_targets_money_currency"`);
    await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "CHK_targets_money_currency" CHECK ("metric" NOT IN ('nmv', 'revenue', 'margin') OR "currency" IS NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "CHK_targets_money_currency"`);
    await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "CHK_targets_money_currency" CHECK ("metric" NOT IN ('nmv', 'revenue') OR "currency" IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "creators" DROP COLUMN "offboardedAt"`);
  }
}
