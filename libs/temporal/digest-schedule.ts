import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';

/** The daily digest goes out every day at 07:00 UTC (docs/notifications.md#daily-digest). */
export const DAILY_DIGEST_CALENDAR = { comment: 'every day, 07:00 UTC: the notifications queued since the previous digest', hour: 7, minute: 0 } as const;

/** One Schedule per task queue, so deployments (and test runs) sharing a Temporal namespace do not share it. */
export function digestScheduleId(taskQueue: string): string {
  return `daily-digest-${taskQueue}`;
}

export function digestSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: digestScheduleId(taskQueue),
    spec: { calendars: [DAILY_DIGEST_CALENDAR], timezone: 'UTC' },
    action: { type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', taskQueue, workflowId: digestScheduleId(taskQueue), args: [] },
    // One run a day; a worker down for a few hours still sends the day's digest when it is back.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '12 hours' },
  };
}

/** Creates the daily digest Schedule, or brings an existing one back to this spec (run at worker start). */
export async function ensureDigestSchedule(client: Client, taskQueue: string): Promise<void> {
  const options = digestSchedule(taskQueue);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((current) => ({ ...current, spec: options.spec, action: options.action, policies: { ...current.policies, ...options.policies } }));
  }
}
