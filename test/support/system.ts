import { randomBytes } from 'node:crypto';
import { seedAdmin } from '../../libs/db/seed';
import { appEnvironment, appProcesses, requireBuiltApps } from '../../scripts/lib/app-processes';
import { freePort } from '../../scripts/lib/ports';
import { appRoleUrl, ensureTestAppLogin } from './app-role';
import { testTemporalAddress } from './environment';
import { createTestDatabase, TestDatabase } from './test-database';

export interface RunningSystem {
  baseUrl: string;
  database: TestDatabase;
  temporalAddress: string;
  taskQueue: string;
  admin: { email: string; password: string };
  /** Environment the processes run with (for starting more of them). */
  env: NodeJS.ProcessEnv;
  /** Basic auth header value for a user. */
  basic(email: string, password: string): string;
  restartApi(): Promise<void>;
  /** SIGKILL the API: requests in flight are cut off mid-way. */
  killApi(): Promise<void>;
  startApi(): Promise<void>;
  /** SIGKILL the worker: no shutdown, in-flight activities and workflow tasks are lost mid-way. */
  killWorker(): Promise<void>;
  startWorker(): void;
  logs(): string;
  /** The process id of a running app (e.g. to read its memory from /proc). */
  pid(name: 'api' | 'worker'): number | undefined;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /** Extra environment for both processes (e.g. SLA_BRIEF_ACK_REMINDER). */
  env?: NodeJS.ProcessEnv;
  /** A migrated database of the test's own (its own PostgreSQL); default: a fresh one on the shared server. */
  database?: TestDatabase;
  /** false: no worker process; the test runs a worker of its own on `taskQueue` (e.g. one that counts queries). */
  worker?: boolean;
  /** How many characters of the processes' recent output `logs()` keeps (default 20,000). */
  logLimit?: number;
}

/**
 * The real thing, as a user runs it: the built API and worker (`dist/`) as separate processes,
 * on the shared Temporal dev server, with a fresh migrated database. Requires `npm run build`.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  requireBuiltApps('run `npm run build` first (npm test does)');
  const database = options.database ?? (await createTestDatabase());
  const admin = { email: 'admin@creatorops.test', password: `pw-${randomBytes(9).toString('hex')}` };
  await seedAdmin(database.db, admin.email, admin.password);
  // The apps connect as the least-privileged app role, as in a deployment; the tests' own
  // connection (database.db) stays the owner's.
  await ensureTestAppLogin(database.db, database.url);

  const port = await freePort();
  // A task queue of its own, so workers of other test files on the same server never run our workflows.
  const taskQueue = `creatorops-test-${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...appEnvironment({
      nodeEnv: 'test',
      port,
      databaseUrl: appRoleUrl(database.url),
      temporal: { address: testTemporalAddress(), namespace: 'default', taskQueue },
      admin,
    }),
    DATABASE_POOL_SIZE: '4',
    ...options.env,
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const apps = appProcesses({ env, baseUrl, logLimit: options.logLimit });
  if (options.worker !== false) apps.launch('worker');
  apps.launch('api');
  try {
    await apps.waitForApi();
  } catch (error) {
    await apps.stopAll();
    await database.drop();
    throw error;
  }

  return {
    baseUrl,
    database,
    temporalAddress: testTemporalAddress(),
    taskQueue,
    admin,
    env,
    basic: (email, password) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
    async restartApi() {
      await apps.stop('api');
      apps.launch('api');
      await apps.waitForApi();
    },
    killApi: () => apps.kill('api'),
    async startApi() {
      apps.launch('api');
      await apps.waitForApi();
    },
    killWorker: () => apps.kill('worker'),
    startWorker() {
      apps.launch('worker');
    },
    logs: () => apps.logs(),
    pid: (name) => apps.pid(name),
    async stop() {
      await apps.stopAll();
      await database.drop();
    },
  };
}
