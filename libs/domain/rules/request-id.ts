/**
 * The Temporal header that carries an HTTP request's id into the decision's update and the
 * activities it leads to, so one id finds every log line of a decision in the API and the worker.
 */
export const REQUEST_ID_HEADER_KEY = 'creatorops-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The same rule the API applies to an incoming X-Request-Id: an id is echoed into logs, never markup. */
export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}
