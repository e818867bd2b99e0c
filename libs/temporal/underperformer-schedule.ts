import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';

/** Underperformers are evaluated every day at 05:00 UTC, as of that day (docs/metrics.md#underperformer-flags). */
export const DAILY_UNDERPERFORMERS_CALENDAR = { comment: 'every day, 05:00 UTC: underperformer flags as of that day', hour: 5, minute: 0 } as const;

/** One Schedule per task queue, so deployments (and test runs) sharing a Temporal namespace do not share it. */
export function underperformersScheduleId(taskQueue: string): string {
  return `daily-underperformers-${taskQueue}`;
}

export function underperformersSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: underperformersScheduleId(taskQueue),
    spec: { calendars: [DAILY_UNDERPERFORMERS_CALENDAR], timezone: 'UTC' },
    action: { type: 'startWorkflow', workflowType: 'dailyUnderperformersWorkflow', taskQueue, workflowId: underperformersScheduleId(taskQueue), args: [{}] },
    // A day is one run: a second while the first still runs is skipped; a worker down for a few
    // hours still evaluates the day when it is back.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '12 hours' },
  };
}

/** Creates the daily Schedule, or brings an existing one back to this spec (run at worker start, like the reports Schedule). */
export async function ensureUnderperformersSchedule(client: Client, taskQueue: string): Promise<void> {
  const options = underperformersSchedule(taskQueue);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((current) => ({ ...current, spec: options.spec, action: options.action, policies: { ...current.policies, ...options.policies } }));
  }
}
