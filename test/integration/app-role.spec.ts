import { Client } from 'pg';
import { APP_ROLE } from '../../libs/db/app-role';
import { appRoleUrl, ensureTestAppLogin } from '../support/app-role';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const INSUFFICIENT_PRIVILEGE = '42501';
const APPEND_ONLY = /audit_log is append-only/;

/**
 * The API and the worker connect as a role that owns nothing (libs/db/app-role.ts): whatever
 * the app is made to run, the audit log stays append-only, because the role may not change or
 * delete its rows, nor drop, disable or alter what enforces it.
 */
describe('the app role', () => {
  let database: TestDatabase;
  let app: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureTestAppLogin(database.db, database.url);
    app = new Client({ connectionString: appRoleUrl(database.url) });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await database?.drop();
  });

  const refusal = async (sql: string): Promise<{ code?: string; message: string }> => {
    try {
      await app.query(sql);
    } catch (error) {
      return error as { code?: string; message: string };
    }
    throw new Error(`the app role was allowed to run: ${sql}`);
  };

  it('is who the app is, and owns no table', async () => {
    expect((await app.query('SELECT current_user AS who')).rows[0].who).toBe(APP_ROLE);
    const owned = await database.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
    const [{ count }] = await database.db.query(`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`);
    expect(count).toBeGreaterThan(20);
  });

  it('appends to the audit log and reads it', async () => {
    await app.query(`INSERT INTO audit_log (action, entity, "entityId") VALUES ('test.appended', 'test', 'one')`);
    const { rows } = await app.query(`SELECT action FROM audit_log WHERE "entityId" = 'one'`);
    expect(rows).toEqual([{ action: 'test.appended' }]);
  });

  it('may not change, delete or empty audit entries', async () => {
    await app.query(`INSERT INTO audit_log (action, entity, "entityId") VALUES ('test.kept', 'test', 'two')`);
    for (const sql of [
      `UPDATE audit_log SET action = 'test.rewritten' WHERE "entityId" = 'two'`,
      `DELETE FROM audit_log WHERE "entityId" = 'two'`,
      `TRUNCATE audit_log`,
    ]) {
      expect(await refusal(sql)).toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
    }
    expect(await database.db.query(`SELECT action FROM audit_log WHERE "entityId" = 'two'`)).toEqual([{ action: 'test.kept' }]);
  });

  it('may not drop, disable or alter what keeps the audit log append-only', async () => {
    for (const sql of [
      `DROP TRIGGER "TRG_audit_log_append_only" ON audit_log`,
      `ALTER TABLE audit_log DISABLE TRIGGER ALL`,
      `ALTER TABLE audit_log ADD COLUMN note text`,
      `DROP TABLE audit_log`,
      `DROP FUNCTION audit_log_is_append_only()`,
      `CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      `SET session_replication_role = replica`,
      `CREATE TABLE smuggled (id int)`,
    ]) {
      expect(await refusal(sql)).toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
    }
    // And the trigger still stands behind the grants: not even the owner may rewrite an entry.
    await expect(database.db.query(`UPDATE audit_log SET action = 'x' WHERE "entityId" = 'one'`)).rejects.toThrow(APPEND_ONLY);
  });

  it('reads and writes the records, and gets the same on tables added by later migrations', async () => {
    await app.query(`INSERT INTO brands (name, category) VALUES ('Role Test Brand', 'beauty')`);
    await app.query(`UPDATE brands SET category = 'skincare' WHERE name = 'Role Test Brand'`);
    expect((await app.query(`SELECT category FROM brands WHERE name = 'Role Test Brand'`)).rows).toEqual([{ category: 'skincare' }]);
    await app.query(`DELETE FROM brands WHERE name = 'Role Test Brand'`);

    await database.db.query(`CREATE TABLE later_records (id serial PRIMARY KEY, note text)`);
    try {
      await app.query(`INSERT INTO later_records (note) VALUES ('added after the role')`);
      expect((await app.query(`SELECT note FROM later_records`)).rows).toEqual([{ note: 'added after the role' }]);
    } finally {
      await database.db.query(`DROP TABLE later_records`);
    }
  });

  it('never sees the migrations table', async () => {
    expect(await refusal(`SELECT * FROM migrations`)).toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
  });
});
