import { loadConfig } from '../../libs/config/config';
import { workerTuningOptions } from '../../libs/config/worker-config';

describe('worker tuning', () => {
  it("leaves every setting to the SDK's default when nothing is set", () => {
    const { worker } = loadConfig({});
    expect(worker).toEqual({ maxCachedWorkflows: null, maxConcurrentActivityTaskExecutions: null, maxConcurrentWorkflowTaskExecutions: null });
    expect(workerTuningOptions(worker)).toEqual({});
  });

  it('passes only what is set to Worker.create', () => {
    const { worker } = loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '500', WORKER_MAX_CONCURRENT_ACTIVITIES: ' 40 ' });
    expect(workerTuningOptions(worker)).toEqual({ maxCachedWorkflows: 500, maxConcurrentActivityTaskExecutions: 40 });
  });

  it('allows a worker with no cache, and refuses what the SDK would reject at start', () => {
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '0' }).worker.maxCachedWorkflows).toBe(0);
    for (const [name, bad] of [
      ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
      ['WORKER_MAX_CACHED_WORKFLOWS', 'lots'],
      ['WORKER_MAX_CONCURRENT_ACTIVITIES', '0'],
      ['WORKER_MAX_CONCURRENT_ACTIVITIES', '2.5'],
      ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
    ]) {
      expect(() => loadConfig({ [name]: bad })).toThrow(new RegExp(`${name} must be a whole number`));
    }
  });
});
