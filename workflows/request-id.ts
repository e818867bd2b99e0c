import { defaultPayloadConverter, type Headers, type Payload } from '@temporalio/common';
import { log, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { isSafeRequestId, REQUEST_ID_HEADER_KEY } from '../libs/domain/rules/request-id';

/**
 * The HTTP request id an update arrived with (the API's client puts it in a header): on the
 * workflow's log lines while the update's handler runs, and in the header of every activity and
 * child workflow scheduled meanwhile, which is when a decision's effects are scheduled (the
 * handler answers once they are projected). Two decisions in flight at once: the later one's id
 * wins until it answers. Headers are not part of what replay compares, so running workflows
 * replay unchanged.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  // Per run: the factory is called once for each workflow execution.
  let current: { id: string; header: Payload } | undefined;
  const withRequestId = (headers: Headers): Headers => (current ? { ...headers, [REQUEST_ID_HEADER_KEY]: current.header } : headers);
  return {
    inbound: [
      {
        // Not async, and the handler's own promise is returned: an extra await would move the
        // update's completion after commands it preceded, and recorded histories would no longer replay.
        handleUpdate(input, next) {
          const header = input.headers[REQUEST_ID_HEADER_KEY];
          const id = header ? requestIdOf(header) : undefined;
          if (!header || !id) return next(input);
          const mine = { id, header };
          current = mine;
          log.debug('Decision received', { update: input.name });
          const handled = next(input);
          const forget = () => {
            if (current === mine) current = undefined;
          };
          // Both outcomes handled, so this side promise never rejects unobserved.
          handled.then(forget, forget);
          return handled;
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
        startChildWorkflowExecution: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
        getLogAttributes: (input, next) => next(current ? { ...input, requestId: current.id } : input),
      },
    ],
  };
};

function requestIdOf(header: Payload): string | undefined {
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(header);
    return isSafeRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
