import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../../libs/config/config';
import { crossSiteRefusal } from './request-guards';

/**
 * The panel's own content-security policy. The app-wide Helmet policy is applied after the
 * panel is mounted and would break it: AdminJS inlines its state in a <script> and styles with
 * styled-components (inline <style>), so scripts and styles need 'unsafe-inline'. Its bundles
 * (development and production builds, checked in Chromium) run without 'unsafe-eval', so eval
 * stays forbidden. Everything else is same-origin; the Google Fonts stylesheet the layout links
 * is allowed so that it is not a CSP error (offline it simply fails to load).
 */
export const ADMIN_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

export function adminHelmet(config: AppConfig): RequestHandler {
  const production = config.env === 'production';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: production ? { ...ADMIN_CSP_DIRECTIVES, 'upgrade-insecure-requests': [] } : ADMIN_CSP_DIRECTIVES,
    },
    // Only meaningful over TLS; browsers ignore it on plain HTTP anyway.
    strictTransportSecurity: production,
    xFrameOptions: { action: 'deny' },
    // Same-origin requests keep their Origin header (the cross-site check reads it).
    referrerPolicy: { policy: 'same-origin' },
  });
}

const ASSETS = '/frontend/assets/';

/** Records and sessions must not linger in shared caches or the browser's history cache. */
export function noStore(request: Request, response: Response, next: NextFunction): void {
  if (!request.path.startsWith(ASSETS)) response.setHeader('Cache-Control', 'no-store');
  next();
}

/** CSRF defence for a framework that has none: see crossSiteRefusal. */
export function refuseCrossSite(request: Request, response: Response, next: NextFunction): void {
  const reason = crossSiteRefusal({
    method: request.method,
    path: request.path,
    host: request.headers.host,
    origin: request.headers.origin,
    secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
  });
  if (reason) {
    response.status(403).type('text/plain').send(`Forbidden: ${reason}`);
    return;
  }
  next();
}
