import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { withLogger } from '../../../libs/logging/logger';
import { redactUrl } from '../../../libs/logging/redaction';
import { requestIdOf } from '../metrics/api-metrics';

/**
 * One access line per answer (method, URL, status, time, the request's headers redacted), and a
 * child logger per request bound to its id (the X-Request-Id requestIds() chose), so every line
 * written while serving it, by Nest's Logger anywhere in the app, carries `requestId`.
 * Mounted right after requestIds(), before the back office and Nest.
 */
export function requestLogging(root: Logger): RequestHandler {
  return pinoHttp({
    logger: root,
    // requestIds() ran first and chose the id; a UUID only if it was not mounted.
    genReqId: (_request, response) => requestIdOf(response as Response) ?? randomUUID(),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    // Failures have a line of their own (HttpAnswersFilter): this one is the access log.
    customLogLevel: () => 'info',
    customSuccessMessage: (request, response) => `${request.method} ${redactUrl((request as Request).originalUrl ?? request.url ?? '')} → ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${redactUrl((request as Request).originalUrl ?? request.url ?? '')} → ${response.statusCode}`,
    serializers: {
      req: (request: { method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        headers: request.headers,
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  }) as unknown as RequestHandler;
}

/**
 * Makes the request's logger the one Nest's Logger writes through for the rest of the request.
 * Mounted twice: after requestLogging(), and again after the body parsers, which call on from
 * the socket's callbacks, outside the context the first binding opened.
 */
export function bindRequestLogger(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const logger = (request as Request & { log?: Logger }).log;
    if (!logger) return next();
    withLogger(logger, next);
  };
}

/**
 * `router` with the request's logger bound again after each middleware added to it. For the back
 * office: its session store (a callback from PostgreSQL's socket) and AdminJS's form parser
 * (express-formidable, from the request stream's events) call on outside the request's context,
 * and the panel's actions would then log without the request id.
 */
export function bindingRequestLoggerAfterEachMiddleware<R extends { use: (...handlers: never[]) => unknown }>(router: R): R {
  const use = router.use.bind(router) as (...handlers: unknown[]) => unknown;
  const rebind = bindRequestLogger();
  router.use = ((...handlers: unknown[]) => {
    use(...handlers);
    return use(rebind);
  }) as R['use'];
  return router;
}
