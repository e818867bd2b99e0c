import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the creator ranking (docs/metrics.md#creator-recommendations) needs from a brief beyond its
 * target audience, and the ranking weights a team lead sets for their team. Existing campaigns
 * target nothing in particular, so every new field starts empty and no creator is excluded by it.
 */
export class CampaignTargeting1796200000000 implements MigrationInterface {
    name = 'CampaignTargeting1796200000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "targetNiches" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "targetPlatforms" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "deliverableTypes" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "creatorFeeMinMinor" bigint`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "creatorFeeMaxMinor" bigint`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD "brandSafetyExclusions" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(
            `ALTER TABLE "campaigns" ADD CONSTRAINT "CHK_campaigns_fee_range" CHECK ("creatorFeeMinMinor" IS NULL OR "creatorFeeMaxMinor" IS NULL OR "creatorFeeMinMinor" <= "creatorFeeMaxMinor")`,
        );
        await queryRunner.query(`ALTER TABLE "users" ADD "recommendationWeights" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "recommendationWeights"`);
        await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "CHK_campaigns_fee_range"`);
        for (const column of ['brandSafetyExclusions', 'creatorFeeMaxMinor', 'creatorFeeMinMinor', 'deliverableTypes', 'targetPlatforms', 'targetNiches']) {
            await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "${column}"`);
        }
    }
}
