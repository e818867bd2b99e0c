import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../domain/entities';
import { MIGRATIONS } from './migrations';

/** One definition shared by the apps, the migration CLI and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema is owned by migrations, everywhere, tests included.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsTransactionMode: 'each',
    // JIT compilation costs ~100 ms per analytics query and never pays back on these
    // short aggregations (measured with `npm run bench:analytics`).
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: '-c jit=off' },
  };
}

function cliDataSource(): DataSource {
  // The CLI creates and alters tables: as the role that owns them.
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set. The TypeORM CLI needs it; `npm start` manages an embedded database instead.');
  }
  return new DataSource(dataSourceOptions(url));
}

/** For the TypeORM CLI (`typeorm migration:run -d dist/libs/db/data-source.js`). */
export default process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL ? cliDataSource() : (undefined as unknown as DataSource);
