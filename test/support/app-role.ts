import type { DataSource } from 'typeorm';
import { APP_ROLE, ensureAppLogin } from '../../libs/db/app-role';
import { TEST_ENV } from './environment';

/** The same database as `databaseUrl`, as the app's least-privileged login (libs/db/app-role.ts). */
export function appRoleUrl(databaseUrl: string): string {
  const password = process.env[TEST_ENV.appRolePassword];
  if (!password) throw new Error('No app role password: run the tests through `npm test` (jest global setup)');
  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Makes the app role a login on the server of `db` (as its migration role). Roles are shared by
 * every database of a server, and parallel test files would race to alter the same one: the
 * shared server's login is made once, in the global setup; a server of a test's own (which has
 * only the NOLOGIN role its migration made) gets it here, when it cannot log in yet.
 */
export async function ensureTestAppLogin(db: DataSource, databaseUrl: string): Promise<void> {
  const [role] = (await db.query('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [APP_ROLE])) as Array<{ rolcanlogin: boolean }>;
  if (role?.rolcanlogin) return;
  await ensureAppLogin(db, appRoleUrl(databaseUrl));
}
