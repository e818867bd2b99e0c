import { Party } from './roles';

/**
 * Portal links (docs/portal.md): what makes one usable, pure so that it is tested without a
 * database. The token itself is 32 random bytes in base64url; only its SHA-256 is stored.
 */

/** How long a link lasts unused (PORTAL_LINK_TTL); each use pushes the end this far out again. */
export const DEFAULT_PORTAL_LINK_TTL = '30d';

/** 32 bytes in base64url, no padding. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(text: unknown): text is string {
  return typeof text === 'string' && TOKEN_PATTERN.test(text);
}

export interface LinkValidity {
  expiresAt: Date;
  revokedAt: Date | null;
}

export type LinkStatus = 'usable' | 'expired' | 'revoked';

export function linkStatus(link: LinkValidity, now: Date): LinkStatus {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'usable';
}

/** The new end of a link used at `now`: never earlier than it was. */
export function extendedExpiry(link: LinkValidity, now: Date, ttlMs: number): Date {
  const pushed = now.getTime() + ttlMs;
  return new Date(Math.max(pushed, link.expiresAt.getTime()));
}

/** What each party does through its link, in the words the e-mail and the panel use. */
export const PARTY_LINK_PURPOSE: Record<Party, string> = {
  [Party.Creator]: 'your booking: brief, offer, contract, drafts, live post, invoice and rating',
  [Party.Brand]: "the creator's drafts for your campaign, to approve or ask for changes",
};

/** Who reviews the drafts of a campaign's bookings (Campaign.draftReviewer). */
export enum DraftReviewer {
  /** An internal manager, in the panel (the default: the brand delegates). */
  Manager = 'manager',
  /** The brand's contact, through a brand review link. */
  Brand = 'brand',
}

/**
 * A fixed window per key (a token's hash, a client address): at most `limit` requests per
 * `windowMs`. Pure and in memory: each API process counts its own requests.
 */
export class RequestBudget {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one request for `key` at `nowMs`; false when the key has used its window's budget. */
  take(key: string, nowMs: number): boolean {
    const window = this.windows.get(key);
    if (!window || nowMs - window.startedAt >= this.windowMs) {
      // Forget stale windows before the map grows without bound under a flood of new keys.
      if (this.windows.size >= this.maxKeys) this.forgetBefore(nowMs);
      this.windows.set(key, { startedAt: nowMs, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  private forgetBefore(nowMs: number): void {
    for (const [key, window] of this.windows) if (nowMs - window.startedAt >= this.windowMs) this.windows.delete(key);
    // Still full: every key is live; drop the oldest rather than refuse to count.
    if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
