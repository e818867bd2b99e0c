import { DefaultLogger, Runtime } from '@temporalio/worker';

/** In-process workers log every state change at INFO; tests only want warnings. Call once per file, first. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this worker process by an earlier test file.
  }
}
