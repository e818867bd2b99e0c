/**
 * Coordinates of the shared servers the global setup starts, passed to test files through
 * the environment (Jest workers inherit it).
 */
export const TEST_ENV = {
  temporalAddress: 'CREATOROPS_TEST_TEMPORAL_ADDRESS',
  postgresAdminUrl: 'CREATOROPS_TEST_PG_ADMIN_URL',
  /** The password of the app's least-privileged login (app-role.ts), generated per run. */
  appRolePassword: 'CREATOROPS_TEST_APP_ROLE_PASSWORD',
} as const;

export function testTemporalAddress(): string {
  const address = process.env[TEST_ENV.temporalAddress];
  if (!address) throw new Error('The Temporal dev server is not running: run the tests through `npm test` (jest global setup)');
  return address;
}

export function testPostgresAdminUrl(): string {
  const url = process.env[TEST_ENV.postgresAdminUrl];
  if (!url) throw new Error('No PostgreSQL for tests: run the tests through `npm test` (jest global setup)');
  return url;
}
