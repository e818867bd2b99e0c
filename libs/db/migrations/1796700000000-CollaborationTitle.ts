import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking's title, "<creator> · <campaign>", so the panel names it wherever another record
 * points at it (a deliverable's, contract's, payout's or escalation's booking showed its UUID).
 * Kept by the database, whatever path writes the row: set on insert, and rewritten when the
 * creator or the campaign is renamed.
 */
export class CollaborationTitle1796700000000 implements MigrationInterface {
    name = 'CollaborationTitle1796700000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "collaborations" ADD "title" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`
            CREATE FUNCTION collaboration_title(creator_id uuid, campaign_id uuid) RETURNS text
            LANGUAGE sql STABLE AS $$
                SELECT coalesce((SELECT "name" FROM "creators" WHERE "id" = creator_id), '?')
                       || ' · ' || coalesce((SELECT "name" FROM "campaigns" WHERE "id" = campaign_id), '?')
            $$`);
        await queryRunner.query(`
            CREATE FUNCTION collaborations_set_title() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                NEW."title" := collaboration_title(NEW."creatorId", NEW."campaignId");
                RETURN NEW;
            END $$`);
        await queryRunner.query(`
            CREATE TRIGGER "collaborations_title" BEFORE INSERT OR UPDATE OF "creatorId", "campaignId", "title" ON "collaborations"
            FOR EACH ROW EXECUTE FUNCTION collaborations_set_title()`);
        await queryRunner.query(`
            CREATE FUNCTION collaborations_retitle() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'creators' THEN
                    UPDATE "collaborations" SET "title" = '' WHERE "creatorId" = NEW."id";
                ELSE
                    UPDATE "collaborations" SET "title" = '' WHERE "campaignId" = NEW."id";
                END IF;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`
            CREATE TRIGGER "creators_retitle_collaborations" AFTER UPDATE OF "name" ON "creators"
            FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION collaborations_retitle()`);
        await queryRunner.query(`
            CREATE TRIGGER "campaigns_retitle_collaborations" AFTER UPDATE OF "name" ON "campaigns"
            FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION collaborations_retitle()`);
        await queryRunner.query(`UPDATE "collaborations" SET "title" = ''`);
        await queryRunner.query(`CREATE INDEX "IDX_collaborations_title" ON "collaborations" ("title")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "campaigns_retitle_collaborations" ON "campaigns"`);
        await queryRunner.query(`DROP TRIGGER "creators_retitle_collaborations" ON "creators"`);
        await queryRunner.query(`DROP TRIGGER "collaborations_title" ON "collaborations"`);
        await queryRunner.query(`DROP FUNCTION collaborations_retitle()`);
        await queryRunner.query(`DROP FUNCTION collaborations_set_title()`);
        await queryRunner.query(`DROP FUNCTION collaboration_title(uuid, uuid)`);
        await queryRunner.query(`DROP INDEX "IDX_collaborations_title"`);
        await queryRunner.query(`ALTER TABLE "collaborations" DROP COLUMN "title"`);
    }
}
