/**
 * The role the API and the worker connect as (docs/operations.md#database-roles). It owns
 * nothing, so it cannot drop or disable the audit log's append-only trigger or alter a table,
 * and it may only read and append to the audit log. The migration role owns every table.
 */
export const APP_ROLE = 'creatorops_app';

/** A TypeORM DataSource (answers rows) or a pg Client (answers { rows }). */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

async function rowsOf<T>(db: Queryable, sql: string, parameters?: unknown[]): Promise<T[]> {
  const result = await db.query(sql, parameters);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Lets the app's login (the user of DATABASE_URL) connect with its password and act as APP_ROLE,
 * run by the migration role (`npm run db:migrate`, compose's `migrate` service, `npm start`).
 * Nothing to do when the app and the migrations share one user (a single-user local database).
 * Setting the password each time makes rotating it a matter of changing DATABASE_URL.
 */
export async function ensureAppLogin(db: Queryable, appDatabaseUrl: string): Promise<void> {
  const url = new URL(appDatabaseUrl);
  const login = decodeURIComponent(url.username);
  const [{ current }] = await rowsOf<{ current: string }>(db, 'SELECT current_user AS current');
  if (!login || login === current) return;
  const password = url.password ? decodeURIComponent(url.password) : null;
  const exists = (await rowsOf(db, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [login])).length > 0;
  // format() quotes the name and the password on the server: nothing is pasted into SQL here.
  const [{ statement }] = await rowsOf<{ statement: string }>(
    db,
    password === null ? `SELECT format('${exists ? 'ALTER' : 'CREATE'} ROLE %I LOGIN', $1::text) AS statement` : `SELECT format('${exists ? 'ALTER' : 'CREATE'} ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement`,
    password === null ? [login] : [login, password],
  );
  try {
    await db.query(statement);
  } catch (error) {
    // The driver's error carries the statement, password included: never let it reach a log.
    throw new Error(`could not make the app's login "${login}": ${(error as Error).message}`);
  }
  if (login !== APP_ROLE) {
    const [{ grant }] = await rowsOf<{ grant: string }>(db, `SELECT format('GRANT %I TO %I', $1::text, $2::text) AS grant`, [APP_ROLE, login]);
    await db.query(grant);
  }
}
