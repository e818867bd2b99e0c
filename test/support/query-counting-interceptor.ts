import { proxySinks, type QueryInput, type Sinks, type WorkflowInboundCallsInterceptor, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** What the sandbox tells the worker's process: one call per query a workflow handled. */
export interface QueryCountingSinks extends Sinks {
  queries: { handled(queryName: string): void };
}

const { queries } = proxySinks<QueryCountingSinks>();

/**
 * Workflow code (bundled into a test worker through `interceptors.workflowModules`): reports
 * every query the worker handles, so a test can count the Temporal queries an API read caused.
 */
class QueryCounter implements WorkflowInboundCallsInterceptor {
  handleQuery(input: QueryInput, next: (input: QueryInput) => Promise<unknown>): Promise<unknown> {
    queries.handled(input.queryName);
    return next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new QueryCounter()] });
