import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored reports (libs/domain/entities/report.entity.ts): the monthly team reports with their PDF and CSV. */

export class Reports1795991381423 implements MigrationInterface {
    name = 'Reports1795991381423';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "subjectId" uuid NOT NULL, "periodStart" date NOT NULL, "periodLabel" character varying(40) NOT NULL, "trigger" character varying(20) NOT NULL, "requestedById" uuid, "generatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "summary" jsonb NOT NULL, "pdf" bytea NOT NULL, "csv" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bd970fdffc8917e5e44e365bcb" ON "reports" ("subjectId")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_reports_subject_period" ON "reports" ("kind", "subjectId", "periodStart")`);
        await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "FK_bd970fdffc8917e5e44e365bcb4" FOREIGN KEY ("subjectId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_bd970fdffc8917e5e44e365bcb4"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_reports_subject_period"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bd970fdffc8917e5e44e365bcb"`);
        await queryRunner.query(`DROP TABLE "reports"`);
    }
}
