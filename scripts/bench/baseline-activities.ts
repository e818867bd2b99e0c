/**
 * The baseline's only activity: does nothing and returns its step name. Registered by
 * scripts/bench/baseline-worker.ts; every activity of the real lifecycle becomes one call.
 */
export async function noop(step: string): Promise<string> {
  return step;
}

export const baselineActivities = { noop };
