import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every insight page asks for each live post's latest reading with data
 * (`ORDER BY "capturedAt" DESC LIMIT 1` over a deliverable's snapshots). With 100k bookings and
 * ~1M readings the plain deliverable index makes that a sort per post; this index answers it
 * with one index probe (a B-tree is read backwards just as well, so no DESC).
 */
export class LatestReadings1795995000000 implements MigrationInterface {
  name = 'LatestReadings1795995000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_performance_snapshots_latest" ON "performance_snapshots" ("deliverableId", "capturedAt") WHERE "source" <> 'no_data'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_performance_snapshots_latest"`);
  }
}
