import { MigrationInterface, QueryRunner } from 'typeorm';

/** Portal links for creators and brand contacts (libs/domain/entities/portal-link.entity.ts), and who reviews a campaign's drafts. */
export class PortalLinks1797100000000 implements MigrationInterface {
    name = 'PortalLinks1797100000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "portal_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character(64) NOT NULL, "collaborationId" uuid NOT NULL, "party" character varying(10) NOT NULL, "partyId" uuid NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, "revokedReason" character varying(200), "lastUsedAt" TIMESTAMP WITH TIME ZONE, "sentAt" TIMESTAMP WITH TIME ZONE, "createdById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_portal_links" PRIMARY KEY ("id"), CONSTRAINT "CHK_portal_links_party" CHECK ("party" IN ('creator', 'brand')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_portal_links_token_hash" ON "portal_links" ("tokenHash")`);
        await queryRunner.query(`CREATE INDEX "IDX_portal_links_collaboration" ON "portal_links" ("collaborationId")`);
        await queryRunner.query(`ALTER TABLE "portal_links" ADD CONSTRAINT "FK_portal_links_collaboration" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "draftReviewer" character varying(10) NOT NULL DEFAULT 'manager'`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "CHK_campaigns_draft_reviewer" CHECK ("draftReviewer" IN ('manager', 'brand'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "CHK_campaigns_draft_reviewer"`);
        await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "draftReviewer"`);
        await queryRunner.query(`ALTER TABLE "portal_links" DROP CONSTRAINT "FK_portal_links_collaboration"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_portal_links_collaboration"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_portal_links_token_hash"`);
        await queryRunner.query(`DROP TABLE "portal_links"`);
    }
}
