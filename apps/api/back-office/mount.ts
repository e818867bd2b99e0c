import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Router } from 'express';
import session from 'express-session';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../libs/config/config';
import { AccountLockedError } from '../../../libs/auth/login-throttle';
import { appendAudit } from '../../../libs/db/audit';
import { DATE_ENV, DEFAULT_DATE_SETTINGS, type DateSettings } from '../../../libs/domain/rules/date-format';
import { isRole } from '../../../libs/domain/rules/roles';
import { CampaignsService } from '../campaigns/campaigns.service';
import { BrandsService } from '../roster/brands.service';
import { CreatorsService } from '../roster/creators.service';
import { CollaborationsService } from '../collaborations/collaborations.service';
import { ContractsService } from '../contracts/contracts.service';
import { DeliverablesService } from '../deliverables/deliverables.service';
import { EscalationsService } from '../escalations/escalations.service';
import { ForecastsService } from '../forecasts/forecasts.service';
import { UnderperformersService } from '../underperformers/underperformers.service';
import { AnalyticsScopes } from '../analytics/analytics-scope';
import { AnalyticsService } from '../analytics/analytics.service';
import { KpisService } from '../kpis/kpis.service';
import { PlanningService } from '../planning/planning.service';
import { InsightScopes } from '../kpis/scope';
import { panelResources } from '../panel';
import { panelPages } from '../panel-pages';
import { CandidatesService } from '../campaigns/candidates.service';
import { PayoutsService } from '../payouts/payouts.service';
import { SatisfactionService } from '../satisfaction/satisfaction.service';
import { NotificationsInbox } from '../notifications/notifications-inbox';
import { NotificationPreferencesService } from '../notifications/notification-preferences.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { CreatorSalesImport } from '../imports/creator-sales.import';
import { PostPerformanceImport } from '../imports/post-performance.import';
import { ApiKeysService } from '../users/api-keys.service';
import { UsersService } from '../users/users.service';
import type { PanelUser } from './access';
import type { ActionContext, AdminJSOptions } from './adminjs-types';
import { loadAdminJs } from './adminjs';
import { DASHBOARD_COMPONENT } from './components';
import { dashboardData } from './dashboard-data';
import { formidableOptions, limitPanelBodies, panelBodyErrors } from './body-limits';
import { bindingRequestLoggerAfterEachMiddleware } from '../common/request-logging';
import { toAdminPages } from './pages';
import { usePrebuiltPanelBundle } from './panel-bundle';
import { PANEL_STYLESHEET, PANEL_STYLESHEET_PATH } from './panel-styles';
import { inlineSafe } from './request-guards';
import { actorOf, adapterRulesOf, NAVIGATION, toResourceOptions, type PanelErrors } from './resource-spec';
import { adminHelmet, noStore, refuseCrossSite } from './security';
import { ReportsService } from '../reports/reports.service';
import { endOldSessions, panelSession, refreshSessionUser, SESSION_COOKIE } from './session';

export const ADMIN_ROOT = '/admin';
/** What the login page says when signing in failed for a reason of ours (logged in full). */
export const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now. Please try again in a few minutes.';

export function backOfficeOptions(
  resources: AdminJSOptions['resources'],
  dashboard?: { component: string; handler?: NonNullable<AdminJSOptions['dashboard']>['handler'] },
  pages: { pages: NonNullable<AdminJSOptions['pages']>; labels: Record<string, string> } = { pages: {}, labels: {} },
  dates: DateSettings = DEFAULT_DATE_SETTINGS,
): AdminJSOptions {
  return {
    rootPath: ADMIN_ROOT,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    resources,
    // Components are referred to by name: their code is the prebuilt bundle (panel-bundle.ts),
    // so no ComponentLoader (which lists sources to bundle) is needed at run time.
    ...(dashboard ? { dashboard: { component: dashboard.component, handler: dashboard.handler } } : {}),
    // Custom pages (pages.ts, listed in apps/api/panel-pages.ts), under "Pages" in the sidebar.
    pages: pages.pages,
    branding: { companyName: 'CreatorOps', logo: false, withMadeWithLove: false },
    assets: { styles: [ADMIN_ROOT + PANEL_STYLESHEET_PATH] },
    // Read in the browser as window.AdminJS.env (components/date-settings.ts).
    env: { [DATE_ENV.locale]: dates.locale, [DATE_ENV.timeZone]: dates.timeZone },
    version: { admin: false },
    settings: { defaultPerPage: 20 },
    locale: {
      language: 'en',
      availableLanguages: ['en'],
      localeDetection: false,
      translations: {
        en: {
          // Navigation group names as written (AdminJS would start-case them: "Brands Campaigns").
          labels: Object.fromEntries(Object.values(NAVIGATION).map(({ name }) => [name, name])),
          pages: pages.labels,
          components: {
            Login: {
              welcomeHeader: 'CreatorOps back office',
              welcomeMessage: 'Collaborations, creators, brands and campaigns in one place. Sign in with your CreatorOps account.',
            },
          },
        },
      },
    },
  };
}

/**
 * The AdminJS back office at /admin: session login against the users table, sessions in
 * PostgreSQL, its own security headers, and resources whose writes are whitelisted server-side.
 * Mounted before Nest's body parsers and routes (bootstrap.ts), so it sees raw requests.
 */
export async function mountBackOffice(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const logger = new Logger('BackOffice');
  // The components (components/*.tsx, collaborations/live-view.tsx) were bundled by `npm run
  // build` into dist/panel: AdminJS serves that file and never bundles. Before AdminJS is loaded.
  usePrebuiltPanelBundle();
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  const apiKeys = app.get(ApiKeysService);
  // AdminJS's error classes are needed by the specs' hooks, and the specs by the adapter:
  // the errors go through a holder filled once AdminJS is loaded.
  const panelErrors: { validation: PanelErrors['validation']; forbidden: PanelErrors['forbidden'] } = {
    validation: (message, fields) => loaded.errors.validation(message, fields),
    forbidden: (message) => loaded.errors.forbidden(message),
  };
  const deps = {
    collaborations: app.get(CollaborationsService),
    contracts: app.get(ContractsService),
    deliverables: app.get(DeliverablesService),
    payouts: app.get(PayoutsService),
    escalations: app.get(EscalationsService),
    campaigns: app.get(CampaignsService),
    creators: app.get(CreatorsService),
    brands: app.get(BrandsService),
    candidates: app.get(CandidatesService),
    satisfaction: app.get(SatisfactionService),
    notifications: new NotificationsInbox(dataSource),
    notificationPreferences: app.get(NotificationPreferencesService),
    webhooks: app.get(WebhooksService),
    imports: { creatorSales: app.get(CreatorSalesImport), postPerformance: app.get(PostPerformanceImport) },
    kpis: app.get(KpisService),
    reports: app.get(ReportsService),
    insightScopes: app.get(InsightScopes),
    analytics: app.get(AnalyticsService),
    analyticsScopes: app.get(AnalyticsScopes),
    forecasts: app.get(ForecastsService),
    planning: app.get(PlanningService),
    underperformers: app.get(UnderperformersService),
    logger,
    errors: panelErrors,
    audit: { record: (entry: Parameters<typeof appendAudit>[1], manager?: EntityManager) => appendAudit(manager ?? dataSource.manager, entry) },
    owners: {
      creator: async (id: string) => ((await dataSource.query(`SELECT "ownerId" FROM "creators" WHERE "id"::text = $1`, [id]))[0]?.ownerId as string | undefined) ?? null,
      deliverable: async (id: string) =>
        ((await dataSource.query(`SELECT c."talentManagerId" FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId" WHERE d."id"::text = $1`, [id]))[0]
          ?.talentManagerId as string | undefined) ?? null,
    },
    sessions: {
      endAll: async (userId: string) => {
        await dataSource.query(`DELETE FROM "admin_session" WHERE "sess"->'adminUser'->>'id' = $1`, [userId]);
      },
    },
    apiKeys: {
      revokeAll: async (userId: string, context: ActionContext) => {
        await apiKeys.revokeAllOf(userId, actorOf(context), 'password reset');
      },
    },
  };
  const specs = panelResources(deps);
  const loaded = await loadAdminJs(new Map(specs.map((spec) => [spec.id, adapterRulesOf(spec)])), dataSource);
  const { AdminJS, buildAuthenticatedRouter } = loaded;

  const admin = new AdminJS(
    backOfficeOptions(
      specs.map(({ entity, ...spec }) => ({ resource: entity, options: toResourceOptions(spec, deps) })),
      {
        component: DASHBOARD_COMPONENT,
        // The home page's numbers, within the signed-in user's reach (dashboard-data.ts).
        handler: async (_request, _response, context) => dashboardData(dataSource, context.currentAdmin),
      },
      toAdminPages(panelPages(deps), ADMIN_ROOT, (page, error) => logger.error(`page ${page}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
      config.panelDates,
    ),
  );

  const panel = panelSession(config, (message) => logger.error(`session store: ${message}`));
  const router = bindingRequestLoggerAfterEachMiddleware(Router());
  router.use(adminHelmet(config), noStore, refuseCrossSite);
  router.get(PANEL_STYLESHEET_PATH, (_request, response) => {
    response.type('text/css').send(PANEL_STYLESHEET);
  });
  // The same session middleware AdminJS would add; mounted first so the checks below can use it
  // (express-session skips itself when a session is already present).
  router.use(session(panel.options));
  router.use(endOldSessions(config.sessions.maxLifetimeMs));
  router.use(refreshSessionUser((id) => users.findScopedActor(id)));
  // Before AdminJS's form parser: what may come in, and how much (body-limits.ts).
  router.use(limitPanelBodies(config.panelBodies));

  buildAuthenticatedRouter(
    admin,
    {
      cookieName: SESSION_COOKIE,
      cookiePassword: config.sessionSecret,
      // No maxRetries: @adminjs/express would count successful sign-ins too, per process, in a
      // window every attempt extends. Failures are throttled per account and per address in
      // PostgreSQL instead (libs/auth/login-throttle.ts), for the panel and the API alike.
      authenticate: async (email: string, password: string, context?: { req: Request }): Promise<PanelUser | null> => {
        if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) return null;
        // A locked account (too many failures, libs/auth/login-throttle.ts): AdminJS shows the message.
        // AdminJS shows an error's message on the login page, to anyone: only ours, never an
        // internal one (a database outage would show its host and port).
        const user = await users.verifyCredentials(email, password, context?.req.ip).catch((error: unknown) => {
          if (error instanceof AccountLockedError) throw new Error(error.message);
          logger.error(`sign-in failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          throw new Error(SIGN_IN_UNAVAILABLE);
        });
        if (!user || !isRole(user.role)) return null;
        const scoped = await users.findScopedActor(user.id).catch((error: unknown) => {
          logger.error(`sign-in failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          throw new Error(SIGN_IN_UNAVAILABLE);
        });
        // A new session id at sign-in, so a session id planted before login is worth nothing.
        if (context?.req.session) {
          await new Promise<void>((resolve, reject) => context.req.session.regenerate((error) => (error ? reject(error) : resolve())));
          // The absolute lifetime counts from here (session.ts, endOldSessions).
          context.req.session.signedInAt = Date.now();
        }
        // Only what the panel needs; never the hash. AdminJS inlines this in a <script>.
        return { id: user.id, email: inlineSafe(user.email), name: inlineSafe(user.name), role: user.role, teamIds: scoped?.teamIds ?? [user.id] };
      },
    },
    router,
    panel.options,
    formidableOptions(config.panelBodies),
  );
  router.use(panelBodyErrors);

  app.use(ADMIN_ROOT, router);
  app.getHttpServer().once('close', () => {
    panel.close().catch((error: Error) => logger.warn(`closing the session store: ${error.message}`));
  });
  logger.log(`back office mounted at ${ADMIN_ROOT}`);
}
