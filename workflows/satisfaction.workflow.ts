import { sleep, workflowInfo } from '@temporalio/workflow';
import { activities } from './collaboration-lifecycle';

export interface SatisfactionReminderInput {
  collaborationId: string;
  remindAfterMs: number;
}

/**
 * The reminder to record a creator's satisfaction (id `satisfaction-<collaborationId>`), started
 * by the payout workflow once the fee is paid and left to run on its own: after the configured
 * time the talent manager is reminded, unless the rating has been recorded by then.
 */
export async function satisfactionReminderWorkflow(input: SatisfactionReminderInput): Promise<{ reminded: boolean }> {
  await sleep(Math.max(1, input.remindAfterMs));
  return activities.remindSatisfactionRating({
    collaborationId: input.collaborationId,
    at: new Date(Date.now()).toISOString(),
    eventKey: `${workflowInfo().workflowId}:remind`,
  });
}
