import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { REQUEST_ID_HEADER_KEY } from '../domain/rules/request-id';
import { currentRequestId } from '../logging/logger';

/**
 * Carries the id of the HTTP request being served (libs/logging: the request's logger) in a
 * Temporal header of every update and signal this client sends, so the worker's log lines of
 * that decision and its activities carry it too (workflows/request-id.ts,
 * apps/worker/activity-logging.ts). Outside a request nothing is added.
 */
export function requestIdInterceptor(requestId: () => string | undefined = currentRequestId): WorkflowClientInterceptor {
  const withRequestId = (headers: Headers): Headers => {
    const id = requestId();
    return id ? { ...headers, [REQUEST_ID_HEADER_KEY]: defaultPayloadConverter.toPayload(id) } : headers;
  };
  return {
    startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
    signal: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  };
}
