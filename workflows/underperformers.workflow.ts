import { proxyActivities } from '@temporalio/workflow';
import type { CollaborationActivityFunctions } from '../activities';
import type { EvaluateUnderperformersInput, UnderperformerRun } from '../activities/underperformer.activities';

/** One evaluation reads ~4 months of posts and writes the day's flags: bounded, but longer than a projection. */
const underperformers = proxyActivities<Pick<CollaborationActivityFunctions, 'evaluateUnderperformers'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidEvaluationDay'] },
});

/**
 * Run by the daily Schedule (libs/temporal/underperformer-schedule.ts): the underperformer flags
 * as of the day it runs (UTC), or of `asOf` when given. The activity is idempotent per day.
 */
export async function dailyUnderperformersWorkflow(input: Partial<EvaluateUnderperformersInput> = {}): Promise<UnderperformerRun> {
  const asOf = input.asOf ?? new Date(Date.now()).toISOString().slice(0, 10);
  return underperformers.evaluateUnderperformers({ asOf });
}
