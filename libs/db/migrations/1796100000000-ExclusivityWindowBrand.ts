import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exclusivity windows carry the brand that holds them (docs/domain.md#records). Windows registered
 * on contract execution were stored with only a category, so a brand re-booking its own exclusive
 * creator was blocked and competitors never matched them. Existing rows take the brand from their
 * source contract's collaboration's campaign; rows without a contract, from a brand of the same
 * name. Rows neither reaches keep a null brand and are matched on their category, as before.
 */
export class ExclusivityWindowBrand1796100000000 implements MigrationInterface {
    name = 'ExclusivityWindowBrand1796100000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" ADD "brandId" uuid`);
        await queryRunner.query(`CREATE INDEX "IDX_5e4db84c98ac62fcef10071529" ON "exclusivity_windows" ("brandId") `);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" ADD CONSTRAINT "FK_5e4db84c98ac62fcef100715290" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`
            UPDATE "exclusivity_windows" AS w
               SET "brandId" = campaign."brandId"
              FROM "contracts" AS contract
              JOIN "collaborations" AS collaboration ON collaboration."id" = contract."collaborationId"
              JOIN "campaigns" AS campaign ON campaign."id" = collaboration."campaignId"
             WHERE w."sourceContractId" = contract."id" AND w."brandId" IS NULL`);
        await queryRunner.query(`
            UPDATE "exclusivity_windows" AS w
               SET "brandId" = brand."id"
              FROM "brands" AS brand
             WHERE w."brandId" IS NULL AND w."sourceContractId" IS NULL AND w."brandName" IS NOT NULL
               AND lower(btrim(brand."name")) = lower(btrim(w."brandName"))`);
        // The name travels with the id, for the messages and for readers of the row.
        await queryRunner.query(`
            UPDATE "exclusivity_windows" AS w
               SET "brandName" = brand."name"
              FROM "brands" AS brand
             WHERE w."brandId" = brand."id" AND w."brandName" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // brandName filled in by up() stays: it is true of the row, and the scope check allows it.
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" DROP CONSTRAINT "FK_5e4db84c98ac62fcef100715290"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5e4db84c98ac62fcef10071529"`);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" DROP COLUMN "brandId"`);
    }
}
