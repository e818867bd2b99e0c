import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadConfig } from '../../libs/config/config';
import { nestLogger, reportFatal, rootLogger } from '../../libs/logging/logger';
import { CollaborationWorker } from './collaboration-worker';
import { PinoTemporalLogger } from './temporal-logger';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = rootLogger(config, 'worker');
  // Here and not in shared code: the SDK's runtime is installed once per process, before any
  // connection, and tests run workers in their own process without it.
  const host = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: {
      // The Rust core's lines too, through the same JSON logger instead of its own console format.
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(config.workerMetricsPort !== null ? { metrics: { prometheus: { bindAddress: `${host}:${config.workerMetricsPort}` } } } : {}),
    },
  });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogger(logger) });
  // SIGINT/SIGTERM → onApplicationShutdown → worker.shutdown(): in-flight activities finish first.
  app.enableShutdownHooks();
  await app.get(CollaborationWorker).run();
  await app.close();
}

main().catch((error) => {
  reportFatal(error, 'the worker stopped');
  process.exit(1);
});
