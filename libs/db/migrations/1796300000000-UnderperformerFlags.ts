import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Underperformer flags (docs/metrics.md#underperformer-flags), one row per flag from the day it is
 * raised to the day it clears, and the UNDERPERFORMING risk they put on running bookings.
 */
export class UnderperformerFlags1796300000000 implements MigrationInterface {
    name = 'UnderperformerFlags1796300000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "underperformer_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subjectKind" character varying(10) NOT NULL, "subjectId" uuid NOT NULL, "ownerId" uuid, "metric" character varying(30) NOT NULL, "observed" double precision NOT NULL, "baseline" double precision NOT NULL, "basis" character varying(10) NOT NULL, "since" date NOT NULL, "suggestion" character varying(40) NOT NULL, "explanation" text NOT NULL, "currency" character(3), "raisedOn" date NOT NULL, "evaluatedOn" date NOT NULL, "clearedOn" date, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_underperformer_flags_cleared" CHECK ("clearedOn" IS NULL OR "clearedOn" >= "raisedOn"), CONSTRAINT "CHK_underperformer_flags_kind" CHECK ("subjectKind" IN ('creator', 'campaign')), CONSTRAINT "PK_523bbcd8638ae8125cbe9276c69" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_48bbb55d72d818c4fd1cddf7b9" ON "underperformer_flags" ("subjectId")`);
        await queryRunner.query(`CREATE INDEX "IDX_b037d16b85f4f91e53d0fbb378" ON "underperformer_flags" ("ownerId")`);
        await queryRunner.query(`CREATE INDEX "IDX_8e6cc4e178dd6393b44bc907ff" ON "underperformer_flags" ("raisedOn")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_underperformer_flags_open" ON "underperformer_flags" ("subjectKind", "subjectId", "metric") WHERE "clearedOn" IS NULL`);
        await queryRunner.query(`CREATE TABLE "booking_risk_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid NOT NULL, "kind" character varying(30) NOT NULL, "sourceFlagId" uuid NOT NULL, "detail" text NOT NULL, "raisedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "clearedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_31878be4fcb9bd343632c32f1fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_af905b136fc8c353ac2e518fe7" ON "booking_risk_flags" ("collaborationId")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_booking_risk_flags_flag" ON "booking_risk_flags" ("collaborationId", "sourceFlagId")`);
        await queryRunner.query(`ALTER TABLE "booking_risk_flags" ADD CONSTRAINT "FK_af905b136fc8c353ac2e518fe72" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "booking_risk_flags" ADD CONSTRAINT "FK_88a086a4fd16f94455738608667" FOREIGN KEY ("sourceFlagId") REFERENCES "underperformer_flags"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "booking_risk_flags" DROP CONSTRAINT "FK_88a086a4fd16f94455738608667"`);
        await queryRunner.query(`ALTER TABLE "booking_risk_flags" DROP CONSTRAINT "FK_af905b136fc8c353ac2e518fe72"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_booking_risk_flags_flag"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_af905b136fc8c353ac2e518fe7"`);
        await queryRunner.query(`DROP TABLE "booking_risk_flags"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_underperformer_flags_open"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8e6cc4e178dd6393b44bc907ff"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b037d16b85f4f91e53d0fbb378"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_48bbb55d72d818c4fd1cddf7b9"`);
        await queryRunner.query(`DROP TABLE "underperformer_flags"`);
    }
}
