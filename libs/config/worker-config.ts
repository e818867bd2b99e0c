/**
 * Worker tuning (README "Configuration", docs/operations.md#worker-tuning): how many workflow runs
 * the worker keeps in memory between their tasks, and how many tasks it works on at once. Each
 * is the Temporal SDK's own default when unset (null here), so a deployment changes only what it
 * has measured.
 */
export interface WorkerTuning {
  /** WORKER_MAX_CACHED_WORKFLOWS: sticky cache size; a run evicted from it replays its history on its next task. */
  maxCachedWorkflows: number | null;
  /** WORKER_MAX_CONCURRENT_ACTIVITIES: activity tasks run at once (each may hold a database connection). */
  maxConcurrentActivityTaskExecutions: number | null;
  /** WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: workflow tasks run at once. */
  maxConcurrentWorkflowTaskExecutions: number | null;
}

const SETTINGS: [keyof WorkerTuning, string, number, number][] = [
  ['maxCachedWorkflows', 'WORKER_MAX_CACHED_WORKFLOWS', 0, 1_000_000],
  ['maxConcurrentActivityTaskExecutions', 'WORKER_MAX_CONCURRENT_ACTIVITIES', 1, 10_000],
  ['maxConcurrentWorkflowTaskExecutions', 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 2, 10_000],
];

export function parseWorkerTuning(env: NodeJS.ProcessEnv, problems: string[]): WorkerTuning {
  const tuning: WorkerTuning = { maxCachedWorkflows: null, maxConcurrentActivityTaskExecutions: null, maxConcurrentWorkflowTaskExecutions: null };
  for (const [key, name, min, max] of SETTINGS) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    // The SDK needs at least two concurrent workflow tasks when the cache is on (one for the sticky queue, one for the normal one).
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${env[name]}")`);
    else tuning[key] = value;
  }
  return tuning;
}

/** The Worker.create options the tuning sets: only those configured, so the SDK's defaults stay the defaults. */
export function workerTuningOptions(tuning: WorkerTuning): Partial<Record<keyof WorkerTuning, number>> {
  return Object.fromEntries(Object.entries(tuning).filter(([, value]) => value !== null)) as Partial<Record<keyof WorkerTuning, number>>;
}
