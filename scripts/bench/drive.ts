import { performance } from 'node:perf_hooks';

/** What one phase (real or baseline) measured, lifecycle by lifecycle. */
export class PhaseRecorder {
  /** Each decision's round trip (ms), from sending it to its answer: HTTP through the API, or the Temporal client's executeUpdate. */
  readonly updates: { name: string; ms: number }[] = [];
  /** Collaboration creation (POST /collaborations) / workflow start round trips (ms). */
  readonly starts: number[] = [];
  /** Each poll while waiting for a stage (ms). */
  readonly polls: number[] = [];
  /** Each completed lifecycle, start to COMPLETED seen (ms). */
  readonly lifecycles: number[] = [];
  /** The workflows of each completed lifecycle, for counting their history events. */
  readonly workflows: { workflowId: string; childWorkflowId: string }[] = [];
  readonly failures: { index: number; error: string }[] = [];
  /** Requests repeated (same Idempotency-Key / update id) after a 5xx or a dropped connection. */
  retries = 0;
  /** Why, the first few distinct reasons. */
  readonly retryReasons: string[] = [];

  retried(reason: string): void {
    this.retries += 1;
    if (this.retryReasons.length < 10 && !this.retryReasons.includes(reason)) this.retryReasons.push(reason);
  }

  async timeUpdate<T>(name: string, send: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await send();
    this.updates.push({ name, ms: performance.now() - started });
    return result;
  }
}

export interface PollOptions {
  initialMs: number;
  maxMs: number;
  timeoutMs: number;
}

/**
 * Polls until `probe` returns a value: at once, then after `initialMs`, growing ×1.5 up to
 * `maxMs`. Every probe's duration is recorded as a poll.
 */
export async function pollUntil<T>(recorder: PhaseRecorder, what: string, probe: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.initialMs;
  let lastError: unknown;
  for (;;) {
    const started = performance.now();
    try {
      const result = await probe();
      recorder.polls.push(performance.now() - started);
      if (result !== undefined) return result;
    } catch (error) {
      recorder.polls.push(performance.now() - started);
      if (error instanceof LifecycleFailed) throw error;
      lastError = error;
    }
    if (Date.now() + interval > deadline) {
      throw new LifecycleFailed(`timed out after ${options.timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
    }
    await sleep(interval);
    interval = Math.min(options.maxMs, Math.round(interval * 1.5));
  }
}

/** Stops a lifecycle at once (an unexpected answer); not retried. */
export class LifecycleFailed extends Error {}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `task(0 … count-1)` with at most `concurrency` in flight; never rejects (tasks record their own failures). */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, runner));
}

/** Runs one lifecycle, recording its duration or its failure. */
export async function recordLifecycle(recorder: PhaseRecorder, index: number, lifecycle: () => Promise<{ workflowId: string; childWorkflowId: string }>): Promise<void> {
  const started = performance.now();
  try {
    const workflows = await lifecycle();
    recorder.lifecycles.push(performance.now() - started);
    recorder.workflows.push(workflows);
  } catch (error) {
    recorder.failures.push({ index, error: describeError(error) });
  }
}

/** An error's message with the messages of its causes (a failed Temporal update wraps the reason). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    parts.push(current instanceof Error ? `${current.name === 'Error' ? '' : `${current.name}: `}${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' ← ');
}
