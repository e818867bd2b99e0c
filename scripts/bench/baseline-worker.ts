import { NativeConnection, Worker } from '@temporalio/worker';
import { baselineActivities } from './baseline-activities';

/**
 * The baseline's worker, a process of its own like apps/worker (so its RSS is measured the same
 * way): the baseline workflows and the no-op activity on BENCH_TASK_QUEUE, with the same worker
 * options as the real worker (the SDK's defaults). SIGTERM / SIGINT shut it down.
 */
async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS;
  const taskQueue = process.env.BENCH_TASK_QUEUE;
  if (!address || !taskQueue) throw new Error('TEMPORAL_ADDRESS and BENCH_TASK_QUEUE are required');
  const connection = await NativeConnection.connect({ address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue,
      workflowsPath: require.resolve('./baseline.workflow'),
      activities: baselineActivities,
    });
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
