/**
 * Plain functions that decide what a back-office request may read or write. They import
 * nothing from AdminJS, so they can be unit-tested without it.
 *
 * AdminJS hands payloads and queries around flattened ("deadlines.briefAckReminder",
 * "filters.raisedAt~~from"): a key belongs to the property named by its first segment.
 */

export type Params = Record<string, unknown>;

/** "deadlines.briefAckReminder" → "deadlines"; "raisedAt~~from" → "raisedAt". */
export function rootOf(key: string): string {
  return key.split('.')[0].split('~~')[0];
}

/**
 * Only the keys that belong to `allowed` properties. The TypeORM adapter assigns every key
 * of a payload to the entity, whatever the form showed, so this is what makes a property
 * read-only against a forged POST (a hidden field is not enough).
 */
export function keepOnly(payload: Params | undefined, allowed: readonly string[]): Params {
  const permitted = new Set(allowed);
  const kept: Params = {};
  for (const [key, value] of Object.entries(payload ?? {})) {
    if (permitted.has(rootOf(key))) kept[key] = value;
  }
  return kept;
}

/** Largest page a list or search may ask for. */
export const MAX_PER_PAGE = 100;

/**
 * Drops filters, sorting and search on properties the panel does not show. Without this a
 * signed-in user could filter (`LIKE %x%`) or sort on a hidden column such as a password
 * hash or a payout token, and read it back one character at a time.
 */
export function sanitizeQuery(query: Params | undefined, readable: readonly string[]): Params {
  const permitted = new Set(readable);
  const clean: Params = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (key === 'filters') {
      // A nested object only arrives when an extended query parser is configured.
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const nested = Object.fromEntries(Object.entries(value as Params).filter(([path]) => permitted.has(rootOf(path))));
        if (Object.keys(nested).length > 0) clean.filters = nested;
      }
      continue;
    }
    if (key.startsWith('filters.')) {
      if (permitted.has(rootOf(key.slice('filters.'.length)))) clean[key] = value;
      continue;
    }
    if (key === 'sortBy' || key === 'searchProperty') {
      if (typeof value === 'string' && permitted.has(value)) clean[key] = value;
      continue;
    }
    if (key === 'perPage') {
      const perPage = Number(value);
      if (Number.isInteger(perPage) && perPage > 0) clean.perPage = String(Math.min(perPage, MAX_PER_PAGE));
      continue;
    }
    clean[key] = value;
  }
  return clean;
}

/** Removes the given properties (and anything nested under them) from record params. */
export function withoutParams(params: Params | undefined, hidden: readonly string[]): Params {
  const denied = new Set(hidden);
  return Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => !denied.has(rootOf(key))));
}

/** True when a header value is a host of its own (used by the same-origin check). */
export function originHost(origin: string | undefined): string | null {
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export interface CrossSiteCheck {
  method: string;
  /** Path inside /admin, e.g. "/api/resources/User/actions/list". */
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/**
 * AdminJS has no CSRF protection and runs its custom actions as GET requests. The session
 * cookie is SameSite=Lax, which still travels on a top-level cross-site navigation, so every
 * state-changing request and every API call must come from the panel's own pages: refuse
 * what the browser labels cross-site (Fetch Metadata) or sends with a foreign Origin.
 * Returns the reason to refuse, or null.
 */
export function crossSiteRefusal(request: CrossSiteCheck): string | null {
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase());
  const api = request.path === '/api' || request.path.startsWith('/api/');
  // AdminJS signs out with a GET: another site must not sign a user out with a link. Typing the
  // address or following a bookmark (Sec-Fetch-Site: none) still works.
  const signOut = request.path === '/logout';
  if (!unsafe && !api && !signOut) return null;
  // Fetch Metadata, where the browser sends it, is authoritative.
  const site = request.secFetchSite?.toLowerCase();
  if (site) return site === 'same-origin' || (signOut && !unsafe && site === 'none') ? null : `cross-site request refused (Sec-Fetch-Site: ${site})`;
  if (request.origin !== undefined) {
    const host = originHost(request.origin);
    if (!host || host !== request.host) return 'cross-origin request refused (Origin does not match Host)';
  }
  return null;
}

/**
 * Text that ends up inside the panel's inline <script> (AdminJS serialises the session
 * with JSON.stringify, which does not escape "<"): keep markup out of it.
 */
export function inlineSafe(text: string): string {
  return text.replace(/[<>]/g, '');
}
