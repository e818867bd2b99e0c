import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * The least-privileged role the API and the worker run as (libs/db/app-role.ts): read and write
 * on the records, but on the audit log only SELECT and INSERT (no UPDATE, DELETE or TRUNCATE),
 * and no ownership of anything, so the append-only trigger cannot be dropped or disabled by it.
 * Tables and sequences created by later migrations get the same grants by default.
 *
 * Roles belong to the whole PostgreSQL server, not to one database: the role is created only if
 * no other database (or a concurrent migration, as in the tests) made it first, NOLOGIN; its login
 * and password are the deployment's (ensureAppLogin). A migration role without CREATEROLE needs
 * the role made beforehand (docs/operations.md).
 */
export class AppRole1796500000000 implements MigrationInterface {
    name = 'AppRole1796500000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
                CREATE ROLE "${APP_ROLE}" NOLOGIN;
              END IF;
            EXCEPTION
              -- Another database's migration created it at the same moment.
              WHEN duplicate_object OR unique_violation THEN NULL;
              WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'The migration role may not create roles: create the role "${APP_ROLE}" (or give this one CREATEROLE), then migrate again (docs/operations.md)';
            END $$`);
        await queryRunner.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO "${APP_ROLE}"', current_database()); END $$`);
        // Before PostgreSQL 15 every role may create tables in public: this database's app may not.
        await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
        await queryRunner.query(`GRANT USAGE ON SCHEMA public TO "${APP_ROLE}"`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${APP_ROLE}"`);
        await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM "${APP_ROLE}"`);
        await queryRunner.query(`REVOKE ALL ON "migrations" FROM "${APP_ROLE}"`);
        await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${APP_ROLE}"`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${APP_ROLE}"`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${APP_ROLE}"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The role itself stays: other databases on the server may use it.
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM "${APP_ROLE}"`);
        await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM "${APP_ROLE}"`);
        await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "${APP_ROLE}"`);
        await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${APP_ROLE}"`);
        await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM "${APP_ROLE}"`);
        await queryRunner.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM "${APP_ROLE}"', current_database()); END $$`);
    }
}
