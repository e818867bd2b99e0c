import { HttpException, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from '../../libs/config/config';
import { nestLogger, rootLogger } from '../../libs/logging/logger';
import { AppModule } from './app.module';
import { bodyErrors, HttpAnswersFilter } from './common/http-answers.filter';
import { withEntitySchemas } from './common/entity-schemas';
import { withErrorAnswers } from './common/openapi-answers';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiAuthGuard, PASSWORD_ONLY_EXTENSION, type AuthenticatedRequest } from './users/api-auth.guard';
import { ApiKeysService } from './users/api-keys.service';
import { UsersService } from './users/users.service';
import { mountBackOffice } from './back-office/mount';
import { mountPortal } from './portal/mount-portal';
import { ApiMetrics, requestIds } from './metrics/api-metrics';
import { bindRequestLogger, requestLogging } from './common/request-logging';
import { DataSource } from 'typeorm';

/**
 * Builds the HTTP app: REST API, OpenAPI at /docs, back office at /admin. Shared by main.ts
 * and the tests, so both run exactly the same wiring.
 */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  // JSON from the first line, the database retries of a slow start included.
  const logger = rootLogger(config, 'api');
  // Nest's body parser would consume the panel's multipart forms; the panel parses its own.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: nestLogger(logger), bodyParser: false });
  app.enableShutdownHooks();
  // Behind a reverse proxy the connection is the proxy's: believe its X-Forwarded-For (only
  // from the proxies named), so the per-address login throttle sees the client.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);

  // First, so every answer (the panel's, Nest's, a 404) carries its id, is logged and is counted.
  const metrics = new ApiMetrics(() => app.get(DataSource));
  app.use(requestIds());
  app.use(requestLogging(logger));
  app.use(bindRequestLogger());
  app.use(metrics.middleware());
  // Not an API operation (absent from the OpenAPI document): Prometheus's, behind sign-in
  // like /docs unless METRICS_PUBLIC says otherwise.
  if (!config.metricsPublic) app.use('/metrics', forSignedInUsers(app));
  app.getHttpAdapter().getInstance().get('/metrics', metrics.handler());

  // The panel is mounted before Nest's routes and body parsers so it sees raw requests.
  await mountBackOffice(app, config);
  // So is the portal, which parses its own forms and uploads (docs/portal.md).
  mountPortal(app, config);

  const express = app.getHttpAdapter().getInstance();
  app.use(helmet());
  app.useBodyParser('json', { limit: '1mb' });
  express.use(bodyErrors);
  app.use(bindRequestLogger());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new HttpAnswersFilter());
  express.disable('x-powered-by');

  const openApi = new DocumentBuilder()
    .setTitle('CreatorOps API')
    .setDescription(
      'Collaborations (one creator on one campaign) as durable workflows: records, decisions and live state. Authenticate with HTTP Basic (people: e-mail and password) ' +
        'or an API key as a Bearer token (integrations: `Authorization: Bearer co_<prefix>_<secret>`, created with POST /api-keys).',
    )
    .setVersion('0.1.0')
    .addBasicAuth()
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (co_<prefix>_<secret>) from POST /api-keys' })
    .build();
  // In production the API's map is for its users only, unless API_DOCS_PUBLIC says otherwise.
  if (!config.apiDocsPublic) app.use(['/docs', '/docs-json', '/docs-yaml'], forSignedInUsers(app));
  SwaggerModule.setup('docs', app, () => withErrorAnswers(withEntitySchemas(withApiKeyAuth(SwaggerModule.createDocument(app, openApi)))));
  return app;
}

/** The OpenAPI document or the metrics behind the API's own sign-in (HTTP Basic or an API key, any role). */
function forSignedInUsers(app: NestExpressApplication): RequestHandler {
  const guard = new ApiAuthGuard(app.get(Reflector), app.get(UsersService), app.get(ApiKeysService));
  return (request: Request, response: Response, next: NextFunction) => {
    guard.identify(request as unknown as AuthenticatedRequest, response).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof HttpException)) return next(error);
        if (error.getStatus() === 401) response.setHeader('WWW-Authenticate', 'Basic realm="CreatorOps API", charset="UTF-8"');
        response.status(error.getStatus()).json(error.getResponse());
      },
    );
  };
}

/**
 * The guard accepts an API key wherever it accepts HTTP Basic, except on password-only routes:
 * say so on every such operation, without each controller having to repeat it.
 */
function withApiKeyAuth(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as { security?: Record<string, string[]>[]; [key: string]: unknown }[]) {
      if (!operation || typeof operation !== 'object' || !Array.isArray(operation.security)) continue;
      if (operation[PASSWORD_ONLY_EXTENSION]) continue;
      const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));
      if (schemes.includes('basic') && !schemes.includes('bearer')) operation.security.push({ bearer: [] });
    }
  }
  return document;
}
