import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning (docs/metrics.md#planning): a target remembers who set it and when, and a subject may
 * have one money target per currency (a team selling in rupees and dollars gets an NMV target in
 * each). Rows set before this change keep no setter (there is no record of one) and take their
 * last update time as when they were set. Targets without a currency stay one per subject,
 * period and metric.
 */
export class PlanningTargets1796400000000 implements MigrationInterface {
  name = 'PlanningTargets1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "targets" ADD "setById" uuid`);
    await queryRunner.query(`ALTER TABLE "targets" ADD "setAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "targets" SET "setAt" = "updatedAt"`);
    await queryRunner.query(`ALTER TABLE "targets" ALTER COLUMN "setAt" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "targets" ALTER COLUMN "setAt" SET DEFAULT now()`);
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_targets_set_by" FOREIGN KEY ("setById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_targets_user_period_metric"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_targets_team_period_metric"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_targets_user_period_metric" ON "targets" ("userId", "period", "periodStart", "metric") WHERE "userId" IS NOT NULL AND "currency" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_targets_team_period_metric" ON "targets" ("teamManagerId", "period", "periodStart", "metric") WHERE "teamManagerId" IS NOT NULL AND "currency" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_targets_user_period_metric_currency" ON "targets" ("userId", "period", "periodStart", "metric", "currency") WHERE "userId" IS NOT NULL AND "currency" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_targets_team_period_metric_currency" ON "targets" ("teamManagerId", "period", "periodStart", "metric", "currency") WHERE "teamManagerId" IS NOT NULL AND "currency" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Going back to one target per subject, period and metric keeps the most recently set per currency group.
    await queryRunner.query(
      `DELETE FROM "targets" t WHERE EXISTS (
         SELECT 1 FROM "targets" o
          WHERE o."period" = t."period" AND o."periodStart" = t."periodStart" AND o."metric" = t."metric"
            AND o."userId" IS NOT DISTINCT FROM t."userId" AND o."teamManagerId" IS NOT DISTINCT FROM t."teamManagerId"
            AND (o."setAt", o."id") > (t."setAt", t."id"))`,
    );
    for (const name of ['UQ_targets_team_period_metric_currency', 'UQ_targets_user_period_metric_currency', 'UQ_targets_team_period_metric', 'UQ_targets_user_period_metric']) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_targets_user_period_metric" ON "targets" ("userId", "period", "periodStart", "metric") WHERE "userId" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_targets_team_period_metric" ON "targets" ("teamManagerId", "period", "periodStart", "metric") WHERE "teamManagerId" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_targets_set_by"`);
    await queryRunner.query(`ALTER TABLE "targets" DROP COLUMN "setAt"`);
    await queryRunner.query(`ALTER TABLE "targets" DROP COLUMN "setById"`);
  }
}
