import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../lib/embedded-database';

/** A step undone when the benchmark ends, in reverse order. */
export type Cleanup = () => Promise<unknown>;

/** Runs `work` on one connection to `adminUrl`'s server, closed afterwards. */
export async function onServer<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server the benchmark's databases go on: DATABASE_URL's, or an embedded PostgreSQL in a temporary directory. */
export async function benchDatabaseServer(label: string, cleanups: Cleanup[]): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `creatorops-bench-${label}-`));
  const embedded = await startEmbeddedDatabase(path.join(dir, 'data'));
  cleanups.push(async () => {
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return embedded.adminUrl;
}

/** A fresh database on the server, dropped by a cleanup. */
export async function freshBenchDatabase(adminUrl: string, label: string, cleanups: Cleanup[]): Promise<string> {
  const name = `creatorops_bench_${label}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() => onServer(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
