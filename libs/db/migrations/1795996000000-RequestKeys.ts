import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Keys clients sent with decisions, each with a fingerprint of its request
 * (apps/api/common/request-keys.ts), so a key reused for a different request is refused, and
 * the attempt a refused request's key is on.
 */
export class RequestKeys1795996000000 implements MigrationInterface {
  name = 'RequestKeys1795996000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_keys" ("key" character varying(128) NOT NULL, "fingerprint" character(64) NOT NULL, "attempt" integer NOT NULL DEFAULT 0, "refused" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_request_keys" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_keys"`);
  }
}
