import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal-config';
import { actorSigningInterceptor } from './actor-signing';
import { requestIdInterceptor } from './request-id-propagation';

/**
 * The Temporal client the API uses to start workflows and send decisions. The connection is
 * lazy so the API starts (and reports itself unhealthy) while Temporal is unreachable. Every
 * decision it sends carries its actor's signature (docs/access.md#temporal) and the id of the
 * HTTP request it answers (docs/operations.md#logs).
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.connection = Connection.lazy(temporalConnectionOptions(config.temporal));
    this.client = new Client({
      connection: this.connection,
      namespace: config.temporal.namespace,
      interceptors: { workflow: [requestIdInterceptor(), actorSigningInterceptor(config.actorSigningKey)] },
    });
  }

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  /** True when the server answers within `timeoutMs`. */
  async isReachable(timeoutMs = 2_000): Promise<boolean> {
    try {
      await this.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.connection.workflowService.getSystemInfo({}),
      );
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}
