import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance data in (docs/imports.md): the `imports` list, creators' daily sales, and
 * imported post readings among the performance snapshots.
 *
 * Written by hand where TypeORM cannot say it, and kept equal to the entities otherwise
 * (test/integration/lifecycle-schema.spec.ts checks that TypeORM would generate nothing):
 * - `UQ_creator_sales_key` is NULLS NOT DISTINCT (PostgreSQL 15+): a sale without brand or
 *   platform is still one key, so a re-import replaces it instead of adding a second.
 * - the timer-label index now covers `+1d` and `+7d` only: imported snapshots are many per
 *   deliverable (one per reading time, `UQ_performance_snapshots_imported`), like manual ones.
 */
export class Imports1795350000000 implements MigrationInterface {
  name = 'Imports1795350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "format" character varying(60) NOT NULL, "fileName" character varying(255), "actorId" uuid NOT NULL, "imported" integer NOT NULL DEFAULT '0', "replaced" integer NOT NULL DEFAULT '0', "rejectedCount" integer NOT NULL DEFAULT '0', "partial" boolean NOT NULL DEFAULT false, "outcome" character varying(20) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_imports_counts" CHECK ("imported" >= 0 AND "replaced" >= 0 AND "rejectedCount" >= 0), CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_389524162662742434e03f684a" ON "imports" ("actorId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e6a7c81056befc77a3f647f35d" ON "imports" ("createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "creator_sales" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "creatorId" uuid NOT NULL, "date" date NOT NULL, "brandId" uuid, "platform" character varying(20), "orders" integer NOT NULL, "gmvMinor" bigint NOT NULL, "returnsMinor" bigint NOT NULL, "cancellationsMinor" bigint NOT NULL, "currency" character(3) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'settled', "importId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_creator_sales_status" CHECK ("status" IN ('settled', 'pending')), CONSTRAINT "CHK_creator_sales_amounts" CHECK ("orders" >= 0 AND "gmvMinor" >= 0 AND "returnsMinor" >= 0 AND "cancellationsMinor" >= 0), CONSTRAINT "PK_f6a07946f6a1a8ea62c0145efde" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_creator_sales_brand_date" ON "creator_sales" ("brandId", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_creator_sales_date" ON "creator_sales" ("date") `);
    // Leading (creatorId, date): also the index of the analytics' per-creator reads.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_creator_sales_key" ON "creator_sales" ("creatorId", "date", "brandId", "platform") NULLS NOT DISTINCT`);
    await queryRunner.query(`ALTER TABLE "performance_snapshots" ADD "measuredAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "performance_snapshots" ADD "importId" uuid`);
    await queryRunner.query(`DROP INDEX "public"."UQ_performance_snapshots_deliverable_timer_label"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_performance_snapshots_deliverable_timer_label" ON "performance_snapshots" ("deliverableId", "label") WHERE "label" IN ('+1d', '+7d')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_performance_snapshots_imported" ON "performance_snapshots" ("deliverableId", "capturedAt") WHERE "label" = 'imported'`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "FK_389524162662742434e03f684a6" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "creator_sales" ADD CONSTRAINT "FK_b8dfd045640e2166b7e6f4f095f" FOREIGN KEY ("creatorId") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "creator_sales" ADD CONSTRAINT "FK_209c42a0fd469ab3a2ba6f557ed" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "creator_sales" ADD CONSTRAINT "FK_d9f922e396203f395bde4e8dcf2" FOREIGN KEY ("importId") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_snapshots" ADD CONSTRAINT "FK_46531cae892c43ab82511aff89c" FOREIGN KEY ("importId") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "performance_snapshots" DROP CONSTRAINT "FK_46531cae892c43ab82511aff89c"`);
    await queryRunner.query(`ALTER TABLE "creator_sales" DROP CONSTRAINT "FK_d9f922e396203f395bde4e8dcf2"`);
    await queryRunner.query(`ALTER TABLE "creator_sales" DROP CONSTRAINT "FK_209c42a0fd469ab3a2ba6f557ed"`);
    await queryRunner.query(`ALTER TABLE "creator_sales" DROP CONSTRAINT "FK_b8dfd045640e2166b7e6f4f095f"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_389524162662742434e03f684a6"`);
    // Imported readings have no place in the old schema (its timer index would refuse them).
    await queryRunner.query(`DELETE FROM "performance_snapshots" WHERE "label" = 'imported'`);
    await queryRunner.query(`DROP INDEX "public"."UQ_performance_snapshots_imported"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_performance_snapshots_deliverable_timer_label"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_performance_snapshots_deliverable_timer_label" ON "performance_snapshots" ("deliverableId", "label") WHERE "label" <> 'manual'`,
    );
    await queryRunner.query(`ALTER TABLE "performance_snapshots" DROP COLUMN "importId"`);
    await queryRunner.query(`ALTER TABLE "performance_snapshots" DROP COLUMN "measuredAt"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_creator_sales_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_creator_sales_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_creator_sales_brand_date"`);
    await queryRunner.query(`DROP TABLE "creator_sales"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6a7c81056befc77a3f647f35d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_389524162662742434e03f684a"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
