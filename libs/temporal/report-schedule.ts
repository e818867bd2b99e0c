import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';

/** The monthly team reports are made on the 1st of each month at 06:00 UTC, for the month that ended. */
export const MONTHLY_REPORTS_CALENDAR = { comment: 'the 1st of each month, 06:00 UTC: the month that just ended', dayOfMonth: 1, hour: 6, minute: 0 } as const;

/** One Schedule per task queue, so deployments (and test runs) sharing a Temporal namespace do not share it. */
export function monthlyReportsScheduleId(taskQueue: string): string {
  return `monthly-team-reports-${taskQueue}`;
}

export function monthlyReportsSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: monthlyReportsScheduleId(taskQueue),
    spec: { calendars: [MONTHLY_REPORTS_CALENDAR], timezone: 'UTC' },
    action: { type: 'startWorkflow', workflowType: 'monthlyTeamReportsWorkflow', taskQueue, workflowId: monthlyReportsScheduleId(taskQueue), args: [{}] },
    // A month is one run: a second while the first still runs is skipped; a worker down for a
    // day still makes the month's reports when it is back.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

/**
 * Creates the monthly reports Schedule, or brings an existing one back to this spec (the
 * worker runs it at start, so a changed calendar reaches running deployments).
 */
export async function ensureMonthlyReportsSchedule(client: Client, taskQueue: string): Promise<void> {
  const options = monthlyReportsSchedule(taskQueue);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((current) => ({ ...current, spec: options.spec, action: options.action, policies: { ...current.policies, ...options.policies } }));
  }
}
