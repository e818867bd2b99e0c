import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaign workflow records how a campaign ended (its summary and when). Collaborations are now
 * started by it, so creating one is a round trip to a worker: it keeps the request's
 * Idempotency-Key, so a retry finds the collaboration instead of being refused as a duplicate.
 */
export class CampaignWorkflow1795330000000 implements MigrationInterface {
  name = 'CampaignWorkflow1795330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "summary" jsonb`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "endedAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "collaborations" ADD "requestKey" character varying(128)`);
    await queryRunner.query(`ALTER TABLE "collaborations" ADD CONSTRAINT "UQ_collaborations_request_key" UNIQUE ("requestKey")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collaborations" DROP CONSTRAINT "UQ_collaborations_request_key"`);
    await queryRunner.query(`ALTER TABLE "collaborations" DROP COLUMN "requestKey"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "summary"`);
  }
}
