import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Logger } from 'pino';
import { isSafeRequestId, REQUEST_ID_HEADER_KEY } from '../../libs/domain/rules/request-id';
import { withLogger } from '../../libs/logging/logger';

/**
 * Each activity runs with a logger of its own: the SDK's activity logger (Context.log, and the
 * SDK's own "Activity completed" lines) and every Nest Logger call inside the activity write the
 * workflow id, the activity type and, when a decision scheduled it, that decision's HTTP request
 * id (the header workflows/request-id.ts puts on it).
 */
export function activityLogging(root: Logger): ActivityInterceptorsFactory {
  return (context) => {
    let requestId: string | undefined;
    return {
      inbound: {
        execute(input, next) {
          requestId = requestIdOf(input.headers[REQUEST_ID_HEADER_KEY]);
          const { activityType, workflowExecution } = context.info;
          const logger = root.child({ ...(requestId ? { requestId } : {}), workflowId: workflowExecution?.workflowId, activityType });
          return withLogger(logger, () => next(input));
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
      },
    };
  };
}

function requestIdOf(header: Parameters<typeof defaultPayloadConverter.fromPayload>[0] | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(header);
    return isSafeRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
