import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttle (libs/auth/login-throttle.ts): failed sign-ins per account ("account:<e-mail>",
 * whether or not such a user exists, so a lock says nothing about who has an account) and per
 * client address ("address:<ip>"), kept in PostgreSQL so that a lock holds across API restarts
 * and instances. No entity: only UsersService reads and writes it, with plain SQL.
 */
export class LoginThrottle1795341000000 implements MigrationInterface {
  name = 'LoginThrottle1795341000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(300) NOT NULL, "failures" integer NOT NULL DEFAULT 0, "windowStartedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lockedUntil" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_login_throttle_failures" CHECK ("failures" >= 0), CONSTRAINT "PK_login_throttle" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_throttle_windowStartedAt" ON "login_throttle" ("windowStartedAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_throttle_windowStartedAt"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
