import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { crossSiteRefusal } from '../back-office/request-guards';

/**
 * The portal's defence against cross-site requests (docs/portal.md#security): a per-browser
 * session nonce in a SameSite=Strict, HttpOnly cookie, and in each form a CSRF token that is an
 * HMAC of that nonce and the link, so a token is worth nothing for another link or another
 * browser; plus the panel's Origin / Fetch Metadata check on every POST.
 */
export const PORTAL_COOKIE = 'co_portal';

export function portalNonce(request: Request): string | null {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === PORTAL_COOKIE) {
      const nonce = value.join('=');
      return /^[A-Za-z0-9_-]{22}$/.test(nonce) ? nonce : null;
    }
  }
  return null;
}

/** The browser's session nonce, set on the first page it opens. */
export function ensureNonce(request: Request, response: Response, secure: boolean): string {
  const existing = portalNonce(request);
  if (existing) return existing;
  const nonce = randomBytes(16).toString('base64url');
  response.cookie(PORTAL_COOKIE, nonce, { httpOnly: true, sameSite: 'strict', secure, path: '/portal' });
  return nonce;
}

export function csrfToken(secret: string, linkId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`portal-csrf|${linkId}|${nonce}`).digest('base64url');
}

/** Why this POST is refused as cross-site, or null when it came from the link's own page in this browser. */
export function forgedPostReason(request: Request, secret: string, linkId: string, sent: unknown): string | null {
  const crossSite = crossSiteRefusal({
    method: request.method,
    path: request.path,
    host: request.headers.host,
    origin: request.headers.origin,
    secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
  });
  if (crossSite) return crossSite;
  const nonce = portalNonce(request);
  if (!nonce || typeof sent !== 'string') return 'the form is missing its security token; open the link again';
  const expected = Buffer.from(csrfToken(secret, linkId, nonce));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'the form security token does not match; open the link again';
}
