import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a booking's brief changed after it was acknowledged, until the creator acknowledges the new
 * one (docs/workflow-stages.md#brief-changes), so the panel can offer the fresh acknowledgement.
 * Existing bookings have no pending change.
 */
export class BriefReacknowledgement1796600000000 implements MigrationInterface {
    name = 'BriefReacknowledgement1796600000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "collaborations" ADD "briefChangedAt" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "collaborations" DROP COLUMN "briefChangedAt"`);
    }
}
