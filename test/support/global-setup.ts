import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { APP_ROLE, ensureAppLogin } from '../../libs/db/app-role';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../scripts/lib/embedded-database';
import { startMailpit, type Mailpit } from '../../scripts/lib/mailpit';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/lib/temporal-dev-server';
import { TEST_ENV } from './environment';

declare global {
  // Handed from global setup to global teardown (same process).
  var __creatorOpsServers: { temporal?: TemporalDevServer; mailpit?: Mailpit; postgres?: EmbeddedDatabase; tmp?: string } | undefined;
}

/**
 * One Temporal dev server and one Mailpit (the tests read delivered e-mail from its API) for
 * the whole run; PostgreSQL from TEST_DATABASE_URL / DATABASE_URL
 * (a server we may create databases on), else an embedded one. Each test file then creates
 * and drops its own database.
 */
export default async function globalSetup(): Promise<void> {
  const servers: NonNullable<typeof globalThis.__creatorOpsServers> = {};
  globalThis.__creatorOpsServers = servers;

  const [temporal, mailpit, postgresAdminUrl] = await Promise.all([
    startTemporalDevServer(),
    startMailpit(),
    (async () => {
      const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
      if (given) return given;
      servers.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-test-pg-'));
      servers.postgres = await startEmbeddedDatabase(path.join(servers.tmp, 'data'));
      return servers.postgres.adminUrl;
    })(),
  ]);
  servers.temporal = temporal;
  servers.mailpit = mailpit;
  process.env[TEST_ENV.temporalAddress] = temporal.address;
  process.env[TEST_ENV.mailpitSmtpUrl] = mailpit.smtpUrl;
  process.env[TEST_ENV.mailpitWebUrl] = mailpit.webUrl;
  process.env[TEST_ENV.postgresAdminUrl] = postgresAdminUrl;
  await makeAppLogin(postgresAdminUrl);
}

/**
 * The apps under test connect as the least-privileged app role (libs/db/app-role.ts), as in a
 * deployment. Roles are per server: made a login here once, before any worker migrates a database.
 */
async function makeAppLogin(adminUrl: string): Promise<void> {
  const password = randomBytes(18).toString('hex');
  process.env[TEST_ENV.appRolePassword] = password;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const url = new URL(adminUrl);
    url.username = APP_ROLE;
    url.password = password;
    await ensureAppLogin(client, url.toString());
  } finally {
    await client.end();
  }
}
