import { isSafeRequestId } from '../../../libs/domain/rules/request-id';

/**
 * Pure rules for what an HTTP request is called in metrics and logs: no Express, no prom-client,
 * so they are unit-tested on their own.
 */

/** The route label of a request no route matched (a 404): one series, however many URLs are probed. */
export const UNMATCHED_ROUTE = 'unmatched';
/** The back office has many routes and static assets of its own: one label, so it cannot swell the series. */
export const BACK_OFFICE_ROUTE = '/admin/*';

/**
 * The route *template* a request matched (`/collaborations/:id`), never its URL: a label per id
 * would make a new time series per record. `baseUrl` and `routePath` are Express's
 * `request.baseUrl` and `request.route.path` once the answer is sent.
 */
export function routeLabel(originalUrl: string, baseUrl: string | undefined, routePath: unknown): string {
  if (originalUrl === '/admin' || originalUrl.startsWith('/admin/') || originalUrl.startsWith('/admin?')) return BACK_OFFICE_ROUTE;
  if (typeof routePath !== 'string') return UNMATCHED_ROUTE;
  const template = `${baseUrl ?? ''}${routePath}`;
  return template === '' ? '/' : template;
}

/** The request's id: the caller's when it is safe to repeat, otherwise a new one from `generate`. */
export function requestIdFor(incoming: string | string[] | undefined, generate: () => string): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  // A proxy's or a client's id is kept when its charset is safe for log lines and headers.
  return isSafeRequestId(value) ? value : generate();
}
