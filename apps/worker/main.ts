import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, logLevels } from '../../libs/config/config';
import { CollaborationWorker } from './collaboration-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: logLevels(config.logLevel) });
  // SIGINT/SIGTERM → onApplicationShutdown → worker.shutdown(): in-flight activities finish first.
  app.enableShutdownHooks();
  await app.get(CollaborationWorker).run();
  await app.close();
}

main().catch((error) => {
  // A ConfigError's message lists every problem; other errors need their stack.
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
