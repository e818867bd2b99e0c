import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creator satisfaction (libs/domain/entities/creator-rating.entity.ts): one record per
 * collaboration, requested when its fee is paid; open while the rating is null.
 */
export class CreatorRatings1795989478006 implements MigrationInterface {
    name = 'CreatorRatings1795989478006';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "creator_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid NOT NULL, "creatorId" uuid NOT NULL, "talentManagerId" uuid NOT NULL, "requestedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "remindedAt" TIMESTAMP WITH TIME ZONE, "rating" smallint, "note" text, "ratedById" uuid, "ratedByRole" character varying(20), "ratedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_creator_ratings_rated" CHECK (("rating" IS NULL) = ("ratedAt" IS NULL)), CONSTRAINT "CHK_creator_ratings_rating" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5), CONSTRAINT "PK_62898286ec9355f3eb14aee02fc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_creator_ratings_collaboration" ON "creator_ratings" ("collaborationId")`);
        await queryRunner.query(`CREATE INDEX "IDX_05743831ea2a534ffd21052e27" ON "creator_ratings" ("creatorId")`);
        await queryRunner.query(`CREATE INDEX "IDX_creator_ratings_ratedAt" ON "creator_ratings" ("ratedAt")`);
        await queryRunner.query(`CREATE INDEX "IDX_creator_ratings_open" ON "creator_ratings" ("talentManagerId") WHERE "rating" IS NULL`);
        await queryRunner.query(`ALTER TABLE "creator_ratings" ADD CONSTRAINT "FK_61d81ab423a2df341bf0f2c0f23" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "creator_ratings" ADD CONSTRAINT "FK_05743831ea2a534ffd21052e278" FOREIGN KEY ("creatorId") REFERENCES "creators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "creator_ratings" ADD CONSTRAINT "FK_e68f1f9234c62581a5f3a236873" FOREIGN KEY ("talentManagerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "creator_ratings" DROP CONSTRAINT "FK_e68f1f9234c62581a5f3a236873"`);
        await queryRunner.query(`ALTER TABLE "creator_ratings" DROP CONSTRAINT "FK_05743831ea2a534ffd21052e278"`);
        await queryRunner.query(`ALTER TABLE "creator_ratings" DROP CONSTRAINT "FK_61d81ab423a2df341bf0f2c0f23"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_creator_ratings_open"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_creator_ratings_ratedAt"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_05743831ea2a534ffd21052e27"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_creator_ratings_collaboration"`);
        await queryRunner.query(`DROP TABLE "creator_ratings"`);
    }
}
