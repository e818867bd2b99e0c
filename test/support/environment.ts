/**
 * Coordinates of the shared servers the global setup starts, passed to test files through
 * the environment (Jest workers inherit it).
 */
export const TEST_ENV = {
  temporalAddress: 'CREATOROPS_TEST_TEMPORAL_ADDRESS',
  postgresAdminUrl: 'CREATOROPS_TEST_PG_ADMIN_URL',
  /** The password of the app's least-privileged login (app-role.ts), generated per run. */
  appRolePassword: 'CREATOROPS_TEST_APP_ROLE_PASSWORD',
  mailpitSmtpUrl: 'CREATOROPS_TEST_MAILPIT_SMTP_URL',
  mailpitWebUrl: 'CREATOROPS_TEST_MAILPIT_WEB_URL',
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

/** The shared Mailpit: where the apps under test send (SMTP_URL) and where tests read what arrived. */
export function testMailpit(): { smtpUrl: string; webUrl: string } {
  const smtpUrl = process.env[TEST_ENV.mailpitSmtpUrl];
  const webUrl = process.env[TEST_ENV.mailpitWebUrl];
  if (!smtpUrl || !webUrl) throw new Error('Mailpit is not running: run the tests through `npm test` (jest global setup)');
  return { smtpUrl, webUrl };
}
