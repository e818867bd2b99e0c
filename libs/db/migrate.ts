import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { ensureAppLogin } from './app-role';
import { dataSourceOptions } from './data-source';
import { seedDemoHistory } from './demo-history';
import { seedAdmin, seedDemo } from './seed';

/**
 * Brings a database up to date as the migration role (`databaseUrl`): migrations, the app's login
 * (`appDatabaseUrl`, see app-role.ts), then the first admin (and the demo data with its 18 months
 * of history, when asked).
 */
export async function migrateAndSeed(
  databaseUrl: string,
  admin: { email: string; password: string },
  demo = false,
  appDatabaseUrl?: string,
): Promise<void> {
  const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    if (appDatabaseUrl) await ensureAppLogin(db, appDatabaseUrl);
    await seedAdmin(db, admin.email, admin.password);
    if (demo) await seedDemoHistory(db, await seedDemo(db));
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  const config = loadConfig();
  if (!config.databaseUrl || !config.migrationDatabaseUrl) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  migrateAndSeed(config.migrationDatabaseUrl, config.admin, process.argv.includes('--demo'), config.databaseUrl).then(
    () => console.log('database migrated'),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
