import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booking lists read the newest first: the panel by update time, the REST list by creation
 * time, often narrowed to a stage or to one talent manager's bookings. Without an index on the
 * order, a page of ten at a million bookings sorted every row (docs/operations.md#list-pages-at-scale).
 */
export class BookingListIndexes1797400000000 implements MigrationInterface {
    name = 'BookingListIndexes1797400000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_collaborations_updatedAt" ON "collaborations" ("updatedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_collaborations_createdAt" ON "collaborations" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_collaborations_stage_updatedAt" ON "collaborations" ("stage", "updatedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_collaborations_talentManager_updatedAt" ON "collaborations" ("talentManagerId", "updatedAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_collaborations_talentManager_updatedAt"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_collaborations_stage_updatedAt"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_collaborations_createdAt"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_collaborations_updatedAt"`);
    }
}
