import { Client } from '@temporalio/client';
import { waitFor } from '../lib/ports';
import { runPool } from './drive';
import { addCounts, countHistory, divideCounts, EMPTY_COUNTS, type HistoryCounts, type HistoryEventLike } from './shape';
import { round } from './stats';

const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;
const TASK_QUEUE_TYPE_ACTIVITY = 2;

/** Until a worker polls the task queue for both workflow and activity tasks (its bundle is built, it is ready). */
export async function waitForWorker(client: Client, namespace: string, taskQueue: string, isAlive: () => boolean, timeoutMs = 180_000): Promise<void> {
  await waitFor(`a worker polling "${taskQueue}"`, async () => {
    if (!isAlive()) throw new Error(`the worker for "${taskQueue}" exited`);
    const pollers = await Promise.all(
      [TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY].map(async (taskQueueType) => {
        const answer = await client.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL }, taskQueueType });
        return answer.pollers?.length ?? 0;
      }),
    );
    return pollers.every((count) => count > 0) ? true : undefined;
  }, timeoutMs, 500);
}

export interface ObservedCounts {
  /** Lifecycles whose histories were read. */
  lifecycles: number;
  /** Per lifecycle (parent + payout child), mean / min / max of each count. */
  perLifecycle: Record<keyof HistoryCounts, { mean: number | null; min: number; max: number }>;
}

/** Reads the histories of the lifecycles' workflows (parent and child) and counts their events. */
export async function observeHistories(client: Client, workflows: { workflowId: string; childWorkflowId: string }[], concurrency = 8): Promise<ObservedCounts> {
  const perLifecycle: HistoryCounts[] = [];
  const count = async (workflowId: string) => {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return countHistory((history.events ?? []) as unknown as HistoryEventLike[]);
  };
  await runPool(workflows.length, concurrency, async (index) => {
    const { workflowId, childWorkflowId } = workflows[index];
    const [parent, child] = await Promise.all([count(workflowId), count(childWorkflowId)]);
    perLifecycle.push(addCounts(parent, child));
  });
  const keys = Object.keys(EMPTY_COUNTS) as (keyof HistoryCounts)[];
  const stats = Object.fromEntries(
    keys.map((key) => {
      const values = perLifecycle.map((counts) => counts[key]);
      return [
        key,
        {
          mean: values.length ? round(values.reduce((sum, v) => sum + v, 0) / values.length, 2) : null,
          min: values.length ? Math.min(...values) : 0,
          max: values.length ? Math.max(...values) : 0,
        },
      ];
    }),
  ) as ObservedCounts['perLifecycle'];
  return { lifecycles: perLifecycle.length, perLifecycle: stats };
}

export interface ObservedCampaign {
  workflowId: string;
  /** Collaborations it took during the phase (warm-up included). */
  bookings: number;
  total: HistoryCounts;
  /** The campaign's history shared out over its collaborations. */
  perBooking: Record<keyof HistoryCounts, number>;
}

/** Counts the events of the campaign's workflow (the current run) and shares them out per collaboration. */
export async function observeCampaign(client: Client, workflowId: string, bookings: number): Promise<ObservedCampaign> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const total = countHistory((history.events ?? []) as unknown as HistoryEventLike[]);
  return { workflowId, bookings, total, perBooking: divideCounts(total, bookings) };
}
