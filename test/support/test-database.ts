import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db/data-source';
import { testPostgresAdminUrl } from './environment';

export interface TestDatabase {
  url: string;
  /** Connected and migrated. */
  db: DataSource;
  drop(): Promise<void>;
}

/** A new, migrated database for one test file; `drop()` removes it. Never `synchronize`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = new URL(testPostgresAdminUrl());
  const name = `creatorops_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await new DataSource({ ...dataSourceOptions(url.toString()), extra: { max: 4 } }).initialize();
  await db.runMigrations({ transaction: 'each' });
  return {
    url: url.toString(),
    db,
    async drop() {
      if (db.isInitialized) await db.destroy();
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin(url: URL, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
