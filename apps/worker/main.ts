import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadConfig, logLevels } from '../../libs/config/config';
import { CollaborationWorker } from './collaboration-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // Here and not in shared code: the SDK's runtime is installed once per process, before any
  // connection, and tests run workers in their own process without it.
  if (config.workerMetricsPort !== null) {
    const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: `${host}:${config.workerMetricsPort}` } } } });
  }
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
